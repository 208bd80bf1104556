import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FieldProblem } from '../api-errors';
import { MAX_PROBLEMS } from './plain-input';

/**
 * Whether the handler takes its query string through `@Query()`: then the validation pipe checks every parameter
 * against the route's query DTO (unknown ones refused). A handler without one never sees its query, so no pipe runs on
 * it; {@link undeclaredQueryParameters} refuses every parameter of such a route instead.
 */
export function handlerDeclaresQuery(controller: object, handlerName: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
}

/**
 * The query parameters of a request to a route that has no query schema, each named as the validation pipe names an
 * unknown field; empty when the route declares a query DTO (the pipe decides) or the request has no query string.
 */
export function undeclaredQueryParameters(ctx: ExecutionContext): FieldProblem[] {
  const request = ctx.switchToHttp().getRequest<{ query?: unknown }>();
  const query = request.query;
  if (typeof query !== 'object' || query === null) return [];
  const names = Object.keys(query);
  if (names.length === 0 || handlerDeclaresQuery(ctx.getClass(), ctx.getHandler().name)) return [];
  return names.slice(0, MAX_PROBLEMS).map((name) => ({ field: name, message: `property ${name} should not exist`, code: 'unknown_field', params: { name } }));
}
