import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@sal/persistence';
import { NOT_BLANK, OFFICE_ID_MESSAGE, OFFICE_ID_PATTERN, Trim } from '../../common/input-rules';

/** A member of staff as the directory keeps them: where operators' and supervisors' notices are sent. */
export class UpsertStaffMemberDto {
  @ApiProperty({ description: "The office (Centro per l'Impiego) the member works for", example: 'CPI-MI-01', pattern: OFFICE_ID_PATTERN.source })
  @Matches(OFFICE_ID_PATTERN, { message: OFFICE_ID_MESSAGE })
  officeId!: string;

  @ApiProperty({ description: '`operator` follows beneficiaries; `supervisor` oversees the office and receives its escalations', enum: STAFF_ROLES, example: 'operator' })
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;

  @ApiProperty({ description: 'Where notices are sent', example: 'giulia.ferrari@cpi-milano.example.org', maxLength: 254 })
  @Trim()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ description: 'Name used in the greeting of notices', example: 'Giulia Ferrari', maxLength: 200 })
  @Trim()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ description: 'Inactive members keep their row but receive no notices', type: Boolean, default: true, example: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  active = true;
}
