import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { signDevelopmentToken } from '../auth/development-token';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ValidationFailedError } from '../common/api-errors';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ConsoleConfigResponse } from './dto/console-config.response';
import { DevelopmentTokenRequestDto, DevelopmentTokenResponse } from './dto/development-token.dto';

/** How long a development sign-in lasts (then the console shows its session-expired page). */
export const DEVELOPMENT_SIGN_IN_TTL = '8h';

/** What the console reads before anyone signs in: how to sign in. */
@ApiTags('console')
@Public()
@Controller('console')
export class ConsoleConfigController {
  constructor(@Inject(API_SETTINGS) private readonly settings: ApiSettings) {}

  @Get('config')
  @SkipThrottle()
  @ApiOperation({
    summary: "The console's sign-in configuration",
    description: 'Needs no token. `development` while the API verifies tokens with the development secret (the console then offers the development sign-in), else `oidc` with the OpenID provider to sign in with.',
  })
  @ApiResponse({ status: 200, type: ConsoleConfigResponse })
  config(): ConsoleConfigResponse {
    if (this.settings.auth.developmentSecret) return { mode: 'development' };
    const { issuer, clientId, scopes } = this.settings.console;
    return { mode: 'oidc', ...(issuer ? { issuer } : {}), ...(clientId ? { clientId } : {}), scopes };
  }
}

/**
 * The console's development sign-in: a token like `npm run token` issues. Registered only while the development
 * secret is in use (which is public in the source and protects nothing): otherwise the route does not exist (404).
 */
@ApiTags('console')
@Public()
@Controller('console')
export class DevelopmentSignInController {
  constructor(@Inject(API_SETTINGS) private readonly settings: ApiSettings) {}

  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Development sign-in (embedded defaults only)',
    description: "Signs a token with the development secret for the role, offices and subject asked. Exists only while the API uses the development secret; 404 otherwise.",
  })
  @ApiResponse({ status: 200, type: DevelopmentTokenResponse })
  @ApiErrorResponses({ VALIDATION_FAILED: 'a role, office or subject the API would refuse' })
  async issue(@Body() body: DevelopmentTokenRequestDto): Promise<DevelopmentTokenResponse> {
    if (body.role !== 'administrator' && body.offices.length === 0) throw new ValidationFailedError([{ field: 'offices', message: 'name at least one office', code: 'offices_required' }]);
    const { token, expiresAt } = await signDevelopmentToken(this.settings.auth, { ...body, expires: DEVELOPMENT_SIGN_IN_TTL });
    return { accessToken: token, expiresAt: expiresAt.toISOString() };
  }
}
