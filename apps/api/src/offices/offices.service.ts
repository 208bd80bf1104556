import { Injectable } from '@nestjs/common';
import { isLine, officeProfile, parseIsoDate, regionKeyOf, regionOfOffice, type RegionKey, validateOfficeDefinition, type ActingOffice, type Office, type OfficeCalendar, type OfficeKind, type OfficeProfile } from '@sal/domain';
import { OfficeDirectoryProblem, Offices } from '@sal/persistence';
import { OfficeNotFoundError, ValidationFailedError } from '../common/api-errors';
import { coversOffice, type Principal } from '../auth/principal';
import { ReadModelService } from '../database/read-model.service';
import { DIRECTORY_CACHE_MS, TtlCache } from '../common/ttl-cache';
import type { AddClosureDto, OfficeDto, PutOfficeDto } from './dto/office.dto';

/**
 * The directory of offices in PostgreSQL: administrators keep it; a journey pins its office's profile when it starts
 * (kind, competent CPI, calendar), and a sanction's decision names the office its caller acts from.
 */
@Injectable()
export class OfficesService {
  /** Offices by id as starts and commands read them: kept {@link DIRECTORY_CACHE_MS}, cleared by every change here. */
  private readonly cache = new TtlCache<string, Office | null>(DIRECTORY_CACHE_MS);

  constructor(private readonly readModel: ReadModelService) {}

  private offices<T>(fn: (offices: Offices) => Promise<T>): Promise<T> {
    return this.readModel.use(({ dataSource }) => fn(new Offices(dataSource)));
  }

  /** One office of the directory, from the cache (a start reads its office's profile and region). */
  private office(officeId: string): Promise<Office | null> {
    return this.cache.get(officeId, () => this.offices((o) => o.get(officeId)));
  }

  /** What a start at `officeId` reads of the directory: the profile it pins (null: unlisted) and its region. */
  async pinnedAt(officeId: string): Promise<{ profile: OfficeProfile | null; region: RegionKey | null }> {
    const office = await this.office(officeId);
    return { profile: office ? officeProfile(office) : null, region: regionOfOffice(office?.region) };
  }

  list(): Promise<OfficeDto[]> {
    return this.offices((o) => o.list());
  }

  async get(officeId: string): Promise<OfficeDto> {
    const office = await this.offices((o) => o.get(officeId));
    if (!office) throw new OfficeNotFoundError(officeId);
    return office;
  }

  /** Creates or replaces an office. @throws ValidationFailedError naming each offending field */
  async put(officeId: string, dto: PutOfficeDto): Promise<{ office: OfficeDto; created: boolean }> {
    const problems = validateOfficeDefinition(officeId, dto);
    if (problems.length > 0) throw new ValidationFailedError(problems, 'the office is not valid');
    const kind = dto.kind as OfficeKind;
    const calendar = dto.calendar as OfficeCalendar;
    const definition = {
      name: (dto.name as string).trim(),
      kind,
      competentCpiId: kind === 'cpi' ? officeId : (dto.competentCpiId as string),
      // Issue 15: stored by the region's key, whichever name of it the body gives.
      region: regionKeyOf(dto.region) as RegionKey,
      comune: (dto.comune as string).trim(),
      calendar: {
        annual: calendar.annual.map(({ monthDay, name }) => ({ monthDay, name: name.trim() })),
        afterEaster: calendar.afterEaster.map(({ days, name }) => ({ days, name: name.trim() })),
        dates: [...calendar.dates].map(({ date, name }) => ({ date, name: name.trim() })).sort((a, b) => a.date.localeCompare(b.date)),
        saturdaysClosed: calendar.saturdaysClosed,
      },
    };
    try {
      return await this.offices((o) => o.put(officeId, definition));
    } catch (error) {
      if (error instanceof OfficeDirectoryProblem) throw new ValidationFailedError([{ field: error.field, message: error.message, code: error.code, ...(error.params ? { params: error.params } : {}) }], 'the office is not valid');
      throw error;
    } finally {
      this.cache.clear();
    }
  }

  /** Adds a one-off closure. @throws ValidationFailedError, OfficeNotFoundError */
  async addClosure(officeId: string, dto: AddClosureDto): Promise<OfficeDto> {
    const problems = [];
    if (!parseIsoDate(dto.date)) problems.push({ field: 'date', message: 'must be a date written YYYY-MM-DD', code: 'invalid_date' });
    if (!isLine(dto.name, 100)) {
      problems.push({ field: 'name', message: 'must be a non-empty text of at most 100 characters on one line', code: 'isSingleLine', params: { maximum: 100 } });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems, 'the closure is not valid');
    const office = await this.offices((o) => o.addClosure(officeId, { date: dto.date as string, name: (dto.name as string).trim() })).finally(() => this.cache.clear());
    if (!office) throw new OfficeNotFoundError(officeId);
    return office;
  }

  /** What a journey started at `officeId` pins, or null when the directory does not list it. */
  async profile(officeId: string): Promise<OfficeProfile | null> {
    const office = await this.office(officeId);
    return office ? officeProfile(office) : null;
  }

  /**
   * Issue 15: the region of `officeId`, whose own catalogues its journeys pin; null when the directory does not list
   * it or its stored region names none (national catalogues only).
   */
  async region(officeId: string): Promise<RegionKey | null> {
    return regionOfOffice((await this.office(officeId))?.region);
  }

  /** Issue 15: the regions of the caller's offices (a regional administrator publishes only their catalogues); `all` for every office. */
  async regionsOf(principal: Principal): Promise<RegionKey[] | 'all'> {
    if (principal.offices === 'all') return 'all';
    const offices = await this.offices((o) => o.list(principal.offices as string[]));
    return [...new Set(offices.map((o) => regionOfOffice(o.region)).filter((r): r is RegionKey => r !== null))];
  }

  /**
   * The office a caller decides a journey's sanction from (art. 21 c.7, art. 23 D.lgs. 150/2015): the journey's
   * competent CPI when the caller's offices include it (an administrator acts for it); otherwise the caller's office
   * that follows the journey, which the journey then refuses unless it is that CPI. Undefined when the caller has
   * neither (the journey refuses that too).
   */
  async actingOffice(principal: Principal, journeyOffice: OfficeProfile | null, journeyOfficeId: string): Promise<ActingOffice | undefined> {
    const candidates = [journeyOffice?.competentCpiId, journeyOfficeId].filter((id): id is string => typeof id === 'string' && coversOffice(principal, id));
    for (const id of candidates) {
      const office: Office | null = await this.office(id);
      if (office) return { officeId: office.officeId, kind: office.kind };
    }
    return undefined;
  }

  /** Whether one of the caller's offices is the CPI competent for `officeId` (a CPI reaches its accredited operators' journeys). */
  async competentCpiCovered(principal: Principal, officeId: string): Promise<boolean> {
    if (principal.offices === 'all') return true;
    const office = await this.office(officeId);
    return office !== null && office.competentCpiId !== officeId && principal.offices.includes(office.competentCpiId);
  }
}
