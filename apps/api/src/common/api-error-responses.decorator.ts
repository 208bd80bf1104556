import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ALL_ERROR_STATUSES } from './api-errors';
import { ErrorResponseDto } from './error-response.dto';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  500: 'Internal error',
  503: 'A dependency is unavailable',
};

/**
 * Documents the error responses of an operation: one entry per status, listing the codes it can carry and why.
 * @example @ApiErrorResponses({ JOURNEY_NOT_FOUND: 'no such journey', VALIDATION_FAILED: 'bad journeyId' })
 */
export function ApiErrorResponses(codes: Record<string, string>): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, string[]>();
  for (const [code, why] of Object.entries({ ...codes, INTERNAL: 'unexpected failure (details are logged, not returned)' })) {
    const status = ALL_ERROR_STATUSES[code];
    if (status === undefined) throw new Error(`undocumented error code ${code}`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), `\`${code}\`: ${why}`]);
  }
  return applyDecorators(
    ...[...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, lines]) =>
        ApiResponse({ status, description: `${STATUS_TEXT[status] ?? 'Error'}. Codes:\n\n- ${lines.join('\n- ')}`, type: ErrorResponseDto }),
      ),
  );
}
