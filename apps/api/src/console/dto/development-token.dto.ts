import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, Matches } from 'class-validator';
import { ROLES, type Role } from '../../auth/principal';
import { OFFICE_ID_MESSAGE, OFFICE_ID_PATTERN, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../../common/input-rules';

/** An office id, or `*` for every office (as `npm run token -- --office '*'`). */
const OFFICE_OR_ALL = new RegExp(`^(?:\\*|${OFFICE_ID_PATTERN.source.replace(/^\^|\$$/g, '')})$`);

/** Who to sign in as with the development sign-in: the claims `npm run token` puts in a token. */
export class DevelopmentTokenRequestDto {
  @ApiProperty({ enum: ROLES, example: 'operator' })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ type: [String], description: "Offices the user works for (`*`: every office); at least one but for administrators", example: ['CPI-TO-01'] })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(OFFICE_OR_ALL, { each: true, message: `each ${OFFICE_ID_MESSAGE}` })
  offices!: string[];

  @ApiProperty({ description: 'The staff id the token names as its subject', example: OPERATOR_ID_EXAMPLE })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  sub!: string;
}

/** A development token and when it expires. */
export class DevelopmentTokenResponse {
  @ApiProperty({ description: 'Bearer token, signed with the development secret' })
  accessToken!: string;

  @ApiProperty({ format: 'date-time', description: 'When the token expires (then the console shows the session-expired page)' })
  expiresAt!: string;
}
