import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '@sal/notifications';
import type { StaffMemberRecord } from '@sal/persistence';
import { assertCovers, type Principal } from '../auth/principal';
import { ReadModelService } from '../database/read-model.service';
import type { ListStaffQuery } from './dto/list-staff.query';
import type { StaffMemberDto } from './dto/staff-member.response';
import type { UpsertStaffMemberDto } from './dto/upsert-staff-member.dto';

/** The staff directory in PostgreSQL; an unreachable database answers 503 through {@link ReadModelService}. */
@Injectable()
export class StaffService {
  constructor(private readonly readModel: ReadModelService) {}

  upsert(staffId: string, dto: UpsertStaffMemberDto): Promise<StaffMemberDto> {
    return this.readModel.use(async ({ dataSource }) =>
      toStaffMemberDto(
        await new StaffDirectory(dataSource).upsert({
          staffId,
          officeId: dto.officeId,
          role: dto.role,
          email: dto.email,
          displayName: dto.displayName,
          active: dto.active,
        }),
      ),
    );
  }

  /** Scoped like the journeys: `officeId` must be among the caller's offices (403); without it, the caller's offices. */
  list(principal: Principal, query: ListStaffQuery): Promise<StaffMemberDto[]> {
    if (query.officeId !== undefined) assertCovers(principal, query.officeId);
    const officeIds = principal.offices === 'all' ? undefined : principal.offices;
    return this.readModel.use(async ({ dataSource }) =>
      (await new StaffDirectory(dataSource).list({ officeId: query.officeId, officeIds, role: query.role })).map(toStaffMemberDto),
    );
  }
}

function toStaffMemberDto(row: StaffMemberRecord): StaffMemberDto {
  return {
    staffId: row.staffId,
    officeId: row.officeId,
    role: row.role,
    email: row.email,
    displayName: row.displayName,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}
