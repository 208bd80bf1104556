import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { JOURNEY_COMMANDS, staffId, toJourneyCommand, type OperatorCommandType } from '@sal/contracts';
import { ForbiddenError } from '../common/api-errors';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { JourneyIdPipe } from '../common/pipes/pattern-param.pipes';
import { SchemaBodyPipe, SchemaParamPipe } from '../common/pipes/schema.pipes';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { JourneyViewDto } from './dto/journey-view.response';
import { COMMAND_DOCS } from './journey-command-docs';
import { COMMAND_ACCESS, COMMAND_ERRORS } from './journey-openapi';
import { JOURNEY_ID_PARAM } from './journey-params';
import { JourneysService } from './journeys.service';
import { Idempotent } from './idempotency';

/**
 * Every operator command of a journey, one route each, derived from the command table of `@sal/contracts` (route, path
 * ids, body schema, status) and its documentation (`COMMAND_DOCS`): a `POST` under `/journeys/{journeyId}` by an
 * operator of the journey's office or an administrator, validated by the command's schema, sent to the journey as its
 * `journeyCommand` update and answered with the journey's new state; the journey refuses what its stage, catalogue or
 * rules do not allow, with a stable code.
 */
@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
@Roles('operator', 'administrator')
export class JourneyCommandsController {
  constructor(readonly journeys: JourneysService) {}
}

/** The OpenAPI 3.0 schema of a zod schema (descriptions and examples from its `meta`). */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** The name of a command's body in the OpenAPI document's components: `SignPactBody`, … */
const bodySchemaName = (type: OperatorCommandType) => `${type}Body`;

/** Every command's body schema, for the OpenAPI document's components (request bodies refer to them by name). */
export function commandBodySchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    (Object.keys(JOURNEY_COMMANDS) as OperatorCommandType[]).map((type) => {
      const body = JOURNEY_COMMANDS[type].body;
      return [bodySchemaName(type), openApiSchema('operatorId' in body.shape ? actorBody(body) : body)];
    }),
  );
}

/** Fields of a command the API sets itself, never a request body: a body naming one is refused (400). */
const SERVER_SET_FIELDS = ['actingOffice', 'catalogue', 'nextEpisode', 'signedCopy'] as const;

/**
 * A command's body as the API takes it: the journey records as the actor the caller's token subject, never a value
 * from the body. `operatorId` is still accepted (its shape checked) and ignored for one release; an administrator
 * acting for a member of staff names them in `onBehalfOf` (the audit log keeps the administrator).
 */
function actorBody(body: z.ZodObject): z.ZodObject {
  // The office a sanction's decision is taken from is the API's to find (the directory), never the caller's to say.
  // Likewise the path's catalogue of a `ChooseGolPath` and the next episode a `TransferJourney` opens (issue 14): the API
  // attaches them. One list of the fields the server sets.
  const present = SERVER_SET_FIELDS.filter((field) => field in body.shape);
  const mask = Object.fromEntries(present.map((field) => [field, true as const])) as { [field: string]: true } & Record<number, never>;
  const taken = present.length > 0 ? body.omit(mask) : body;
  return taken.extend({
    operatorId: staffId('Deprecated and ignored (accepted until the next release): the journey records the caller of the request (its token subject)').optional(),
    onBehalfOf: staffId("Administrators only: the member of staff the administrator acts for; the journey records them, the audit log the administrator").optional(),
  });
}

/** The body with the actor the journey records: the token's subject, or whom an administrator acts for. */
function withActor(principal: Principal, input: Record<string, unknown>): Record<string, unknown> {
  const { operatorId: _ignored, onBehalfOf, ...rest } = input;
  void _ignored;
  if (onBehalfOf !== undefined && principal.role !== 'administrator') {
    throw new ForbiddenError('only an administrator acts on behalf of someone (`onBehalfOf`)');
  }
  return { ...rest, operatorId: typeof onBehalfOf === 'string' ? onBehalfOf : principal.subject };
}

function methodName(type: OperatorCommandType): string {
  return type[0].toLowerCase() + type.slice(1);
}

/** Adds the route of one command to the controller, as its decorators would have. */
function defineCommandRoute(type: OperatorCommandType): void {
  const definition = JOURNEY_COMMANDS[type];
  const doc = COMMAND_DOCS[type];
  const ids = Object.keys(definition.params);
  const name = methodName(type);
  const proto = JourneyCommandsController.prototype as unknown as Record<string, unknown>;
  const recordsActor = 'operatorId' in definition.body.shape;
  const body = recordsActor ? actorBody(definition.body) : definition.body;
  const handler = function (this: JourneyCommandsController, principal: Principal, journeyId: string, input: Record<string, unknown>, ...values: string[]) {
    const params = Object.fromEntries(ids.map((id, i) => [id, values[i]]));
    return this.journeys.send(principal, journeyId, toJourneyCommand(type, params, recordsActor ? withActor(principal, input) : input));
  };
  Object.defineProperty(handler, 'name', { value: name });
  proto[name] = handler;
  Reflect.defineMetadata('design:paramtypes', [Object, String, Object, ...ids.map(() => String)], proto, name);
  const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
  const decorators: MethodDecorator[] = [
    Idempotent(),
    Post(`:journeyId/${definition.path}`),
    HttpCode(definition.status),
    JOURNEY_ID_PARAM,
    ...ids.map((id) => {
      const schema = (definition.params as Record<string, z.ZodType>)[id];
      const meta = z.globalRegistry.get(schema) as { description?: string; example?: unknown } | undefined;
      return ApiParam({ name: id, description: meta?.description, example: meta?.example, schema: openApiSchema(schema) });
    }),
    ApiOperation({ summary: doc.summary, description: `${doc.description} ${COMMAND_ACCESS}` }),
    ApiBody({ schema: { $ref: `#/components/schemas/${bodySchemaName(type)}` }, required: true }),
    definition.status === 201
      ? ApiCreatedResponse({ description: doc.answer, type: JourneyViewDto })
      : ApiOkResponse({ description: doc.answer, type: JourneyViewDto }),
    ApiErrorResponses({ ...COMMAND_ERRORS, ...(ids.length > 0 ? { VALIDATION_FAILED: `${COMMAND_ERRORS.VALIDATION_FAILED}, or an id in the path is malformed` } : {}), ...doc.refusals }),
  ];
  for (const decorate of decorators) decorate(proto, name, descriptor);
  CurrentPrincipal()(proto, name, 0);
  Param('journeyId', JourneyIdPipe)(proto, name, 1);
  Body(new SchemaBodyPipe(body))(proto, name, 2);
  ids.forEach((id, i) => Param(id, new SchemaParamPipe(id, (definition.params as Record<string, z.ZodType>)[id]))(proto, name, 3 + i));
}

for (const type of Object.keys(JOURNEY_COMMANDS) as OperatorCommandType[]) defineCommandRoute(type);
