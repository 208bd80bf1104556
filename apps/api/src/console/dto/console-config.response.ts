import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** How the console signs users in: the same shape as the console's `ConsoleAuthConfig`. */
export class ConsoleConfigResponse {
  @ApiProperty({
    enum: ['oidc', 'development'],
    description: '`development` while the API verifies tokens with the development secret (development sign-in), else `oidc`',
    example: 'development',
  })
  mode!: 'oidc' | 'development';

  @ApiPropertyOptional({ description: "Issuer of the region's OpenID provider (`CONSOLE_OIDC_ISSUER`)", example: 'https://idp.example.org/realms/sal' })
  issuer?: string;

  @ApiPropertyOptional({ description: "The console's public client id (`CONSOLE_OIDC_CLIENT_ID`)", example: 'sal-console' })
  clientId?: string;

  @ApiPropertyOptional({ description: 'Scopes to ask for (`CONSOLE_OIDC_SCOPES`)', example: 'openid profile' })
  scopes?: string;
}
