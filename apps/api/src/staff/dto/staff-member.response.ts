import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@sal/persistence';

/** A member of the staff directory. */
export class StaffMemberDto {
  @ApiProperty({ description: 'Staff id (the same id journeys use for operators)', example: 'op-milano-017' })
  staffId!: string;

  @ApiProperty({ description: 'Office', example: 'CPI-MI-01' })
  officeId!: string;

  @ApiProperty({ description: 'Role', enum: STAFF_ROLES, example: 'operator' })
  role!: StaffRole;

  @ApiProperty({ description: 'E-mail address for notices', example: 'giulia.ferrari@cpi-milano.example.org' })
  email!: string;

  @ApiProperty({ description: 'Name used in greetings', example: 'Giulia Ferrari' })
  displayName!: string;

  @ApiProperty({ description: 'Whether the member receives notices', example: true })
  active!: boolean;

  @ApiProperty({ description: 'When the entry last changed', example: '2026-11-02T09:00:00.000Z', format: 'date-time' })
  updatedAt!: string;
}
