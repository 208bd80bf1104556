import { CurrentPrincipal, OpenToLocalWebUi, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { AUDIT_JOURNEYS } from '../audit/audit.interceptor';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { CodecService } from './codec.service';
import { CodecPayloadsDto } from './dto/codec-payloads.dto';

const NAMESPACE_HEADER = {
  name: 'X-Namespace',
  required: false,
  description: "The Temporal namespace the payloads come from (the Web UI sends it); only the API's own namespace is served",
};
const ERRORS = {
  VALIDATION_FAILED: "a payload is not base64 protobuf JSON, X-Namespace names another namespace, or (decode) a payload cannot be opened: sealed with a key the API does not hold, or altered (`fields` names each)",
  MALFORMED_JSON: 'the body is not well-formed JSON',
  PAYLOAD_TOO_LARGE: 'the body exceeds the size limit (API_BODY_LIMIT)',
  UNAUTHENTICATED: 'no valid bearer token',
  FORBIDDEN: "the caller may not read payloads, or (decode) a payload belongs to a journey outside the caller's offices, or one whose office cannot be established",
};

/**
 * Temporal's remote codec endpoint (`POST /codec/encode`, `POST /codec/decode`) for the Web UI and the CLI. It reveals
 * personal data, so it stays behind the API's global authentication; browsers reach it through the CORS rules of
 * {@link CodecCorsMiddleware}, and the audit log records every call like any other request.
 */
// Operators read journeys through the API; raw payloads are for administrators and supervisors.
@Roles('administrator', 'supervisor', 'regional_supervisor')
// The dev server's Web UI sends no token; on the embedded defaults the codec answers it anyway (see the decorator).
@OpenToLocalWebUi()
@ApiTags('codec')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({
    summary: "Decrypt Temporal payloads (the Web UI's codec endpoint)",
    description:
      'Opens payloads sealed by the product (`binary/encrypted`, AES-256-GCM) with the key named in their metadata; any ' +
      'other payload comes back as it was. Body and answer are Temporal `Payloads` in protobuf JSON (bytes as base64).',
  })
  @ApiHeader(NAMESPACE_HEADER)
  @ApiBody({ type: CodecPayloadsDto })
  @ApiOkResponse({ description: 'The payloads, decrypted, in the same order', type: CodecPayloadsDto })
  @ApiErrorResponses(ERRORS)
  async decode(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CodecPayloadsDto,
    @Req() request: Record<string, unknown>,
    @Headers('x-namespace') namespace?: string,
  ): Promise<CodecPayloadsDto> {
    const { answer } = await this.codec.decode(principal, body, namespace, (journeyIds) => {
      request[AUDIT_JOURNEYS] = journeyIds;
    });
    return answer;
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Encrypt Temporal payloads (for input typed into the Web UI or the CLI)',
    description: 'Seals each payload with the current key (`PAYLOAD_ENCRYPTION_KEY_ID`), as the worker and the API do.',
  })
  @ApiHeader(NAMESPACE_HEADER)
  @ApiBody({ type: CodecPayloadsDto })
  @ApiOkResponse({ description: 'The payloads, encrypted, in the same order', type: CodecPayloadsDto })
  @ApiErrorResponses(ERRORS)
  encode(@Body() body: CodecPayloadsDto, @Headers('x-namespace') namespace?: string): Promise<CodecPayloadsDto> {
    return this.codec.encode(body, namespace);
  }
}
