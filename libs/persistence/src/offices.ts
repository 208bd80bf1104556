import type { DataSource, EntityManager } from 'typeorm';
import type { Office, OfficeDefinition } from '@sal/domain';
import { OfficeRecord } from './entities/office.entity';

/** Why the directory refuses a definition it cannot hold: the field and what is wrong with it. */
export class OfficeDirectoryProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** The stable code of the broken rule (the API's field problem codes) and its parameters. */
    readonly code: 'unknown_office' | 'not_a_cpi' | 'office_has_dependants',
    readonly params?: Record<string, string>,
  ) {
    super(message);
    this.name = 'OfficeDirectoryProblem';
  }
}

/** The directory of offices (`offices`): read by journeys' starts and sanctions, written by administrators. */
export class Offices {
  constructor(private readonly dataSource: DataSource) {}

  async get(officeId: string): Promise<Office | null> {
    const row = await this.dataSource.getRepository(OfficeRecord).findOne({ where: { officeId } });
    return row ? toOffice(row) : null;
  }

  /** Offices by id; `officeIds` given: only those. */
  async list(officeIds?: readonly string[]): Promise<Office[]> {
    const q = this.dataSource.getRepository(OfficeRecord).createQueryBuilder('o').orderBy('o.officeId');
    if (officeIds) q.where('o.officeId = ANY(:ids)', { ids: [...officeIds] });
    return (await q.getMany()).map(toOffice);
  }

  /** The accredited offices whose competent CPI is one of `cpiIds` (a CPI reaches their journeys for sanctions). */
  async coveredBy(cpiIds: readonly string[]): Promise<string[]> {
    const rows: { office_id: string }[] = await this.dataSource.query(`SELECT office_id FROM offices WHERE competent_cpi_id = ANY($1) ORDER BY office_id`, [[...cpiIds]]);
    return rows.map((r) => r.office_id);
  }

  /**
   * Creates or replaces an office (a validated definition). An accredited operator's competent CPI must be in the
   * directory as a CPI, and a CPI that accredited operators name stays a CPI; checked under a lock, so two writes
   * cannot leave an operator under an office that is not a CPI.
   */
  put(officeId: string, definition: OfficeDefinition): Promise<{ office: Office; created: boolean }> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['offices']);
      if (definition.kind === 'accredited') {
        const cpi = await m.getRepository(OfficeRecord).findOne({ where: { officeId: definition.competentCpiId } });
        if (!cpi) throw new OfficeDirectoryProblem('competentCpiId', `office ${definition.competentCpiId} is not in the directory`, 'unknown_office');
        if (cpi.kind !== 'cpi') throw new OfficeDirectoryProblem('competentCpiId', `office ${definition.competentCpiId} is not a CPI`, 'not_a_cpi', { officeId: definition.competentCpiId });
        const dependants = await this.dependants(m, officeId);
        if (dependants.length > 0) throw new OfficeDirectoryProblem('kind', `accredited operators name this office as their CPI (${dependants.join(', ')}): it stays a CPI`, 'office_has_dependants', { offices: dependants.join(', ') });
      }
      const existing = await m.getRepository(OfficeRecord).findOne({ where: { officeId } });
      const row = m.create(OfficeRecord, { officeId, ...definition, updatedAt: new Date() });
      const saved = toOffice(await m.save(row));
      // Issue 15: the office's journeys count in its region from now on (the KPIs per region read the journey's row).
      if (existing?.region !== definition.region) await m.query('UPDATE journeys SET region = $1 WHERE office_id = $2', [definition.region, officeId]);
      return { office: saved, created: existing === null };
    });
  }

  /** Adds a one-off closure (a date the office is closed, e.g. a strike or a move); the same date again replaces its name. */
  addClosure(officeId: string, closure: { date: string; name: string }): Promise<Office | null> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['offices']);
      const row = await m.getRepository(OfficeRecord).findOne({ where: { officeId } });
      if (!row) return null;
      const dates = [...row.calendar.dates.filter((d) => d.date !== closure.date), closure].sort((a, b) => a.date.localeCompare(b.date));
      row.calendar = { ...row.calendar, dates };
      row.updatedAt = new Date();
      return toOffice(await m.save(row));
    });
  }

  private async dependants(m: EntityManager, officeId: string): Promise<string[]> {
    const rows: { office_id: string }[] = await m.query(`SELECT office_id FROM offices WHERE competent_cpi_id = $1 AND office_id <> $1 ORDER BY office_id`, [officeId]);
    return rows.map((r) => r.office_id);
  }
}

function toOffice(r: OfficeRecord): Office {
  return { officeId: r.officeId, name: r.name, kind: r.kind, competentCpiId: r.competentCpiId, region: r.region, comune: r.comune, calendar: r.calendar };
}
