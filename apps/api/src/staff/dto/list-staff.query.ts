import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@sal/persistence';
import { OFFICE_ID_MESSAGE, OFFICE_ID_PATTERN } from '../../common/input-rules';

/** Filters of `GET /staff`. */
export class ListStaffQuery {
  @ApiPropertyOptional({ description: 'Only members of this office', example: 'CPI-MI-01' })
  @IsOptional()
  @Matches(OFFICE_ID_PATTERN, { message: OFFICE_ID_MESSAGE })
  officeId?: string;

  @ApiPropertyOptional({ description: 'Only members with this role', enum: STAFF_ROLES, example: 'supervisor' })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;
}
