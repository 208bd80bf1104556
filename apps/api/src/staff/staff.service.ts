import { Injectable } from '@nestjs/common';
import { StaffDirectory } from '@sal/notifications';
import type { StaffMemberRecord } from '@sal/persistence';
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

  list(query: ListStaffQuery): Promise<StaffMemberDto[]> {
    return this.readModel.use(async ({ dataSource }) =>
      (await new StaffDirectory(dataSource).list({ officeId: query.officeId, role: query.role })).map(toStaffMemberDto),
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
