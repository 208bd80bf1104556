import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { JOURNEY_COMMANDS } from '@sal/contracts';
import type { PactDocument } from '@sal/persistence';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { JourneyIdPipe } from '../common/pipes/pattern-param.pipes';
import { SchemaParamPipe } from '../common/pipes/schema.pipes';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { JourneyViewDto } from '../journeys/dto/journey-view.response';
import { JOURNEY_ID_PARAM } from '../journeys/journey-params';
import { NOT_FOUND, TEMPORAL_DOWN } from '../journeys/journey-openapi';
import { PactDocumentsService } from './pact-documents.service';
import { readUpload, SIGNED_COPY_TYPES } from './signed-copy';

interface Headers {
  setHeader(name: string, value: string): void;
  status(code: number): unknown;
}

const VERSION = JOURNEY_COMMANDS.AcceptPactVersion.params.version;
const VERSION_PARAM = ApiParam({ name: 'version', description: 'The pact version (`pactVersions[n].version`)', example: '1' });
const READ_ERRORS = {
  VALIDATION_FAILED: 'the journey id or the version is malformed',
  JOURNEY_NOT_FOUND: NOT_FOUND,
  TEMPORAL_UNAVAILABLE: TEMPORAL_DOWN,
  READ_MODEL_UNAVAILABLE: 'PostgreSQL, which keeps the documents, is unavailable',
};

/**
 * The Patto di servizio as a document (issue 19): a pact version's PDF to download, and its signed copy uploaded back
 * (the person's acceptance of the version) and downloaded. Office-scoped like the journey; every request is audited.
 */
@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
export class PactDocumentsController {
  constructor(private readonly documents: PactDocumentsService) {}

  @Get(':journeyId/pact/versions/:version/document')
  @JOURNEY_ID_PARAM
  @VERSION_PARAM
  @ApiOperation({
    summary: "A pact version's document (PDF)",
    description:
      'The Patto di servizio personalizzato of that version as a PDF/A-2b (A4, fonts embedded, in Italian): the parties and the office, the minimum content of art. 20 c.2–3 ' +
      'D.lgs. 150/2015 (responsible operator, profiling class, actions with their due dates, contact frequency, how job search is proven, availability for workshops, ' +
      'training and suitable offers), the referrals, the conditionality rules of art. 21 that apply to the person (the sanctions ladder only for a NASpI / DIS-COLL ' +
      'recipient) and how to appeal, and a space for the signatures. Generated once, when the version is signed or amended, by the journey\'s projection activity ' +
      '(a failing generation is retried and shown in `sideEffects.projection`; 404 until it is written). `ETag` is its SHA-256; `If-None-Match` answers 304. ' +
      "Readable by whoever reads the journey (its offices, the competent CPI's staff).",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrorResponses({ ...READ_ERRORS, PACT_DOCUMENT_NOT_FOUND: 'the pact has no such version, or its document is not generated yet' })
  async document(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('version', new SchemaParamPipe('version', VERSION)) version: string,
    @Req() req: IncomingMessage,
    @Res({ passthrough: true }) res: Headers,
  ): Promise<StreamableFile | undefined> {
    return send(req, res, await this.documents.download(principal, journeyId, Number(version), 'generated'), `patto-v${version}.pdf`);
  }

  @Post(':journeyId/pact/versions/:version/signed')
  @HttpCode(201)
  @Roles('operator', 'administrator')
  @JOURNEY_ID_PARAM
  @VERSION_PARAM
  @ApiOperation({
    summary: 'Upload the signed copy of a pact version (the person accepts it)',
    description:
      'The body is the signed copy itself — a scan (JPEG, PNG) or a PDF signed digitally or on paper and scanned — sent raw (not multipart); its type is judged from its ' +
      'bytes, never from a name or the `Content-Type`. At most `API_SIGNED_COPY_LIMIT` (default 10mb: 413 beyond). The copy is stored in PostgreSQL with its SHA-256 and ' +
      "linked to the version; recording it is the person's acceptance of the version (`AcceptPactVersion` with method `signed_copy`, now): the journey's history " +
      'keeps only the copy\'s id and hash (`pactVersions[n].acceptance.signedCopy`), never its bytes. Refused like an acceptance (a version already in force, edition 1 ' +
      'journeys): the copy is then not kept. Operators of the journey\'s office, or administrators.',
  })
  @ApiConsumes(...SIGNED_COPY_TYPES.map((t) => t.mediaType))
  @ApiBody({ description: 'The signed copy: PDF, JPEG or PNG bytes', schema: { type: 'string', format: 'binary' }, required: true })
  @ApiCreatedResponse({ description: 'The journey with the version accepted (`pactVersions[n].acceptance.method: signed_copy`, `signedCopy: { documentId, sha256 }`)', type: JourneyViewDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the journey id or the version is malformed',
    UNSUPPORTED_DOCUMENT_TYPE: 'the body is not a PDF, JPEG or PNG (judged from its bytes), or is empty',
    PAYLOAD_TOO_LARGE: 'the copy exceeds `API_SIGNED_COPY_LIMIT`',
    JOURNEY_NOT_FOUND: NOT_FOUND,
    PACT_DOCUMENT_NOT_FOUND: 'the pact has no such version',
    PACT_VERSION_ALREADY_ACCEPTED: 'the version is in force already, or was superseded (edition 1 pacts are in force at signing)',
    TEMPORAL_UNAVAILABLE: TEMPORAL_DOWN,
    READ_MODEL_UNAVAILABLE: 'PostgreSQL, which keeps the documents, is unavailable',
  })
  async uploadSigned(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('version', new SchemaParamPipe('version', VERSION)) version: string,
    @Req() req: IncomingMessage,
  ): Promise<JourneyViewDto> {
    const content = await readUpload(req, this.documents.settings.signedCopyLimit);
    return this.documents.uploadSigned(principal, journeyId, Number(version), content);
  }

  @Get(':journeyId/pact/versions/:version/signed')
  @JOURNEY_ID_PARAM
  @VERSION_PARAM
  @ApiOperation({
    summary: "A pact version's signed copy",
    description: 'The signed copy uploaded for that version, as it was uploaded (PDF, JPEG or PNG, its sniffed type as `Content-Type`); `ETag` is its SHA-256, the one the journey records.',
  })
  @ApiProduces(...SIGNED_COPY_TYPES.map((t) => t.mediaType))
  @ApiOkResponse({ description: 'The signed copy', content: Object.fromEntries(SIGNED_COPY_TYPES.map((t) => [t.mediaType, { schema: { type: 'string', format: 'binary' } }])) })
  @ApiErrorResponses({ ...READ_ERRORS, PACT_DOCUMENT_NOT_FOUND: 'the pact has no such version, or no signed copy of it was uploaded' })
  async signed(
    @CurrentPrincipal() principal: Principal,
    @Param('journeyId', JourneyIdPipe) journeyId: string,
    @Param('version', new SchemaParamPipe('version', VERSION)) version: string,
    @Req() req: IncomingMessage,
    @Res({ passthrough: true }) res: Headers,
  ): Promise<StreamableFile | undefined> {
    const document = await this.documents.download(principal, journeyId, Number(version), 'signed');
    const extension = SIGNED_COPY_TYPES.find((t) => t.mediaType === document.mediaType)?.extension ?? 'bin';
    return send(req, res, document, `patto-v${version}-firmato.${extension}`);
  }
}

/** A stored document as a download: `ETag` its SHA-256, 304 when the client has it. File names hold no personal data. */
function send(req: IncomingMessage, res: Headers, document: PactDocument, filename: string): StreamableFile | undefined {
  const etag = `"${document.sha256}"`;
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304);
    return undefined;
  }
  return new StreamableFile(document.content, { type: document.mediaType, disposition: `attachment; filename="${filename}"`, length: document.size });
}
