import { Inject, Injectable } from '@nestjs/common';
import { personEpisodes, type JourneyRecord } from '@sal/persistence';
import { personRefFor } from '@sal/temporal';
import { coversOffice, type Principal } from '../auth/principal';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';
import { calendarDate } from '../journeys/journey-mappers';
import type { PersonEpisodeDto, PersonJourneysDto } from './dto/person-journeys.response';
import { PersonRefBackfill } from './person-ref-backfill';

/**
 * A person's episodes, from the read model: those in the caller's offices in full, oldest first; those other offices
 * follow only counted (and whether one is open), as a start would tell the caller anyway.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly readModel: ReadModelService,
    private readonly backfill: PersonRefBackfill,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  async journeys(principal: Principal, personRef: string): Promise<PersonJourneysDto> {
    await this.backfill.done();
    const rows = await this.readModel.use(({ dataSource }) => personEpisodes(dataSource, personRef));
    const mine = rows.filter((r) => coversOffice(principal, r.officeId));
    const elsewhere = rows.filter((r) => !coversOffice(principal, r.officeId));
    return { personRef, journeys: mine.map(toEpisode), elsewhere: { count: elsewhere.length, open: elsewhere.some((r) => r.status === 'open') } };
  }

  /** The same, for the person a fiscal code names (the reference computed under the journey id key). */
  search(principal: Principal, fiscalCode: string): Promise<PersonJourneysDto> {
    return this.journeys(principal, personRefFor(fiscalCode, this.settings.journeyIdKey));
  }
}

function toEpisode(r: JourneyRecord): PersonEpisodeDto {
  return {
    journeyId: r.journeyId,
    programmeCode: r.programmeCode,
    officeId: r.officeId,
    stage: r.stage,
    status: r.status,
    didDate: calendarDate(r.didDate),
    startedAt: r.startedAt.toISOString(),
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    closureReason: r.closureReason,
    previousJourneyId: r.previousJourneyId,
    nextJourneyId: r.nextJourneyId,
  };
}
