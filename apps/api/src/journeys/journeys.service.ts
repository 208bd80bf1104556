import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { getJourneyStateQuery, JOURNEY_WORKFLOW_TYPE, journeyCommandUpdate, journeySearchAttributes, type JourneyWorkflowInput } from '@sal/contracts';
import {
  emptyAssessment,
  GOL_ASSESSMENT_PROGRAMME,
  golPathProgramme,
  monitoringOf,
  monitoringProblem,
  replay,
  scopeOf,
  startStage,
  toView,
  type CallerOffices,
  type GolPathCatalogue,
  type JourneyEvent,
  type JourneyView,
  type OperatorCommand,
  type ProgrammeCatalogue,
  type TransferJourneyCommand,
} from '@sal/domain';
import { PersonalDataEraser, releaseReservation, replaceStaleReservation, reserveOpenJourney } from '@sal/persistence';
import { episodeJourneyIdFor, personRefFor, transferJourneyIdFor } from '@sal/temporal';
import {
  IdempotencyKeyReusedError,
  JourneyAlreadyExistsError,
  JourneyClosedError,
  JourneyNotFoundError,
  JourneyRefusedError,
  PersonalDataErasedApiError,
  PersonFollowedElsewhereError,
  ReadModelUnavailableError,
  TemporalUnavailableError,
  ValidationFailedError,
  WorkerUnavailableError,
} from '../common/api-errors';
import { assertCovers, coversOffice, type Principal } from '../auth/principal';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';
import { OfficesService } from '../offices/offices.service';
import { PersonRefBackfill } from '../people/person-ref-backfill';
import { ProgrammesService } from '../programmes/programmes.service';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { CreateJourneyDto } from './dto/create-journey.dto';
import type { JourneyCreatedDto } from './dto/journey-created.response';
import type { JourneyPageDto } from './dto/journey-page.response';
import type { JourneyViewDto } from './dto/journey-view.response';
import type { ListJourneysQuery } from './dto/list-journeys.query';
import { toBeneficiary, toSummary, toViewDto } from './journey-mappers';
import { currentIdempotencyKey } from './idempotency';
import { commandFingerprint, idempotencyUpdateId, recordKeyUse } from './idempotency-keys';

type JourneyWorkflow = (input: JourneyWorkflowInput) => Promise<JourneyView>;

/**
 * How long a reservation of a person's open journey whose journey exists neither in Temporal nor in the read model is
 * taken for a start still under way; older, it is stale (the API stopped between the reservation and the start).
 */
export const STALE_RESERVATION_MS = 60_000;

/**
 * Journeys: commands and live state go to the journey's Temporal workflow, lists and timelines come from the
 * PostgreSQL read model. Inputs arrive validated; every refusal of the journey itself comes back from the workflow's
 * update validators, before anything is recorded.
 */
@Injectable()
export class JourneysService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly temporal: TemporalGateway,
    private readonly readModel: ReadModelService,
    private readonly programmes: ProgrammesService,
    private readonly offices: OfficesService,
    private readonly backfill: PersonRefBackfill,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  /**
   * Starts the journey workflow (one episode: from this DID to its closure), pinned to the latest version of its
   * programme's catalogue (the journey keeps that version's clocks until it ends) and to its office's profile from the
   * directory of offices (kind, competent CPI, calendar); an office the directory does not list is refused (400 naming
   * `officeId`) unless `API_UNLISTED_OFFICES` is `national` (the journey then pins no office: national calendar, no CPI
   * check on its sanctions).
   *
   * The id is a keyed hash of the fiscal code and the DID date: the same person and DID give the same journey (a
   * repeated start answers 409 naming it), a new DID after a closure a new one. A person has at most one open journey,
   * across programmes: the start reserves it in `person_open_journeys` before it starts the workflow, and a start while
   * another journey is open answers 409 naming it when the caller's offices cover its office, else
   * `PERSON_FOLLOWED_ELSEWHERE` (naming nothing). A reservation whose journey exists neither in Temporal nor in the
   * read model after {@link STALE_RESERVATION_MS} is stale (the API stopped between reserving and starting) and is
   * replaced; the same person and DID meet their own reservation and start again (idempotent in Temporal).
   */
  async create(principal: Principal, dto: CreateJourneyDto): Promise<JourneyCreatedDto> {
    assertCovers(principal, dto.officeId);
    const monitoringInvalid = dto.monitoring ? monitoringProblem(dto.monitoring, dto.didDate) : null;
    if (monitoringInvalid) throw new ValidationFailedError([{ ...monitoringInvalid, field: `monitoring.${monitoringInvalid.field}` }]);
    const beneficiary = toBeneficiary(dto.beneficiary);
    const journeyId = episodeJourneyIdFor(beneficiary.fiscalCode, dto.didDate, this.settings.journeyIdKey);
    const personRef = personRefFor(beneficiary.fiscalCode, this.settings.journeyIdKey);
    // Temporal refuses a second start while it retains the first journey; the read model remembers it for longer, and
    // a restart under the same id would collide with the recorded events. Asked now, alongside the directory and the
    // catalogue (both cached), and looked at after them: a request they refuse is answered as before.
    const existingLookup = this.readModel.query((rm) => rm.find(journeyId));
    existingLookup.catch(() => undefined);
    // Issue 15: the catalogue of the office's region (its own version of the code, else the national one).
    const { profile: office, region } = await this.offices.pinnedAt(dto.officeId);
    const catalogue = await this.programmes.resolve(dto.programmeCode, region);
    if (!catalogue) throw new ValidationFailedError([{ field: 'programmeCode', message: 'unknown programme; see GET /programmes', code: 'unknown_programme' }]);
    if (!office && this.settings.unlistedOffices === 'refuse') {
      throw new ValidationFailedError([{ field: 'officeId', message: 'not an office of the directory of offices; see GET /offices', code: 'unknown_office' }]);
    }
    // Journeys started before episodes hold their person's lock once the references are backfilled.
    await this.backfill.done();
    const existing = await existingLookup;
    if (existing) throw this.alreadyExists(principal, journeyId, existing.officeId);
    // Under `GOL` the journey starts in the assessment, before any path (issue 14): an empty one, with the catalogue's areas.
    const assessment = dto.programmeCode === GOL_ASSESSMENT_PROGRAMME ? emptyAssessment(catalogue.assessmentAreas ?? undefined) : null;
    const stage = startStage(assessment);
    await this.reserveOpenJourney(principal, { personRef, journeyId, officeId: dto.officeId });
    const input: JourneyWorkflowInput = {
      kind: 'start',
      start: {
        journeyId,
        programmeCode: dto.programmeCode,
        officeId: dto.officeId,
        didDate: dto.didDate,
        beneficiary,
        catalogueVersion: catalogue.version,
        catalogueScope: scopeOf(catalogue),
        clocks: catalogue.clocks,
        services: catalogue.services,
        workingDayClocks: catalogue.workingDayClocks,
        offerSuitability: catalogue.offerSuitability ?? null,
        ...(catalogue.rollForwardClocks ? { rollForwardClocks: catalogue.rollForwardClocks } : {}),
        ...(catalogue.absenceReasons ? { absenceReasons: catalogue.absenceReasons } : {}),
        ...(catalogue.presentation ? { presentation: catalogue.presentation } : {}),
        ...(office ? { office } : {}),
        benefit: dto.benefit
          ? { kind: dto.benefit.kind, applicationDate: dto.benefit.applicationDate, ...(dto.benefit.activationPactDate ? { activationPactDate: dto.benefit.activationPactDate } : {}) }
          : null,
        ...(assessment ? { assessment } : {}),
        ...(dto.monitoring ? { monitoring: monitoringOf(dto.monitoring) } : {}),
        personRef,
      },
    };
    try {
      await this.temporal.call('start', journeyId, () =>
        this.client.workflow.start<JourneyWorkflow>(JOURNEY_WORKFLOW_TYPE, {
          workflowId: journeyId,
          taskQueue: this.settings.temporal.taskQueue,
          args: [input],
          // One journey per person and DID, ever (while Temporal retains it): a closed episode is not restarted.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
          typedSearchAttributes: [
            { key: journeySearchAttributes.office, value: dto.officeId },
            { key: journeySearchAttributes.programme, value: dto.programmeCode },
            { key: journeySearchAttributes.stage, value: stage },
            { key: journeySearchAttributes.status, value: 'open' },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof JourneyAlreadyExistsError)) throw error;
      const started = await this.describeStarted(journeyId);
      // This episode ran and ended (the read model lost or not yet showing it): the person's lock is not its to hold.
      if (!started.running) await this.readModel.use(({ dataSource }) => releaseReservation(dataSource, personRef, journeyId));
      throw this.alreadyExists(principal, journeyId, started.officeId);
    }
    return { journeyId, stage, status: 'open' };
  }

  /**
   * Reserves the person's one open journey for `journeyId`, or refuses the start: another journey of theirs is open (or
   * being started), named only to a caller whose offices cover it. A reservation whose journey never started is
   * replaced once stale; the journey's own reservation (the same DID, a start that did not finish) is taken as it is.
   */
  private async reserveOpenJourney(principal: Principal, r: { personRef: string; journeyId: string; officeId: string }): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.readModel.use(({ dataSource }) => reserveOpenJourney(dataSource, r));
      if (outcome.reserved || outcome.holder.journeyId === r.journeyId) return;
      const { holder } = outcome;
      const young = Date.now() - holder.reservedAt.getTime() < STALE_RESERVATION_MS;
      if (young || (await this.journeyExists(holder.journeyId))) throw this.alreadyExists(principal, holder.journeyId, holder.officeId);
      const replaced = await this.readModel.use(({ dataSource }) => replaceStaleReservation(dataSource, { ...r, staleJourneyId: holder.journeyId }));
      if (replaced) return;
    }
    throw new ReadModelUnavailableError(new Error(`the person's open journey kept changing while ${r.journeyId} was being started`));
  }

  /** Whether the journey exists in the read model or in Temporal (a 503 when Temporal cannot tell). */
  private async journeyExists(journeyId: string): Promise<boolean> {
    if (await this.readModel.query((rm) => rm.find(journeyId))) return true;
    try {
      await this.temporal.call('query', journeyId, () => this.client.workflow.getHandle(journeyId).describe());
      return true;
    } catch (error) {
      if (error instanceof JourneyNotFoundError) return false;
      throw error;
    }
  }

  /**
   * The office of a journey Temporal has started but the read model does not show yet, from its search attributes
   * (no worker needed), and whether it still runs. When that cannot be read, a 503 that names no journey: the caller may not be entitled to it.
   */
  private async describeStarted(journeyId: string): Promise<{ officeId: string; running: boolean }> {
    try {
      const description = await this.temporal.call('query', journeyId, () => this.client.workflow.getHandle(journeyId).describe());
      const officeId = description.typedSearchAttributes.get(journeySearchAttributes.office);
      if (officeId) return { officeId, running: description.status.name === 'RUNNING' };
      throw new Error(`journey ${journeyId} has no ${journeySearchAttributes.office.name} search attribute`);
    } catch (error) {
      throw new TemporalUnavailableError(error);
    }
  }

  /** The refusal of a second start: it names the journey only to a caller whose offices cover the journey's office. */
  private alreadyExists(principal: Principal, journeyId: string, officeId: string): Error {
    return coversOffice(principal, officeId) ? new JourneyAlreadyExistsError(journeyId) : new PersonFollowedElsewhereError();
  }

  /**
   * The journey's live state from its workflow. When Temporal no longer knows it (retention expired after closure),
   * the state is rebuilt from the events recorded in the read model.
   */
  async get(principal: Principal, journeyId: string): Promise<JourneyViewDto> {
    await this.refuseErased(principal, journeyId);
    const { view, source } = await this.liveOrRecorded(journeyId);
    await this.assertReaches(principal, view.officeId);
    return toViewDto(view, source);
  }

  /**
   * 410 for a journey whose personal data was erased past its retention (issue 15): its history no longer decodes and
   * its events say nothing more. With the read model down, the live state is asked as before.
   */
  private async refuseErased(principal: Principal, journeyId: string): Promise<void> {
    const erased = await this.readModel
      .use(async ({ dataSource, journeys }) => {
        const erasure = await new PersonalDataEraser(dataSource).erased(journeyId);
        return erasure ? { erasure, row: await journeys.find(journeyId) } : null;
      })
      .catch((error: unknown) => {
        if (error instanceof ReadModelUnavailableError) return null;
        throw error;
      });
    if (!erased) return;
    if (erased.row) await this.assertReaches(principal, erased.row.officeId);
    throw new PersonalDataErasedApiError(journeyId, erased.erasure.erasedAt);
  }

  private async liveOrRecorded(journeyId: string): Promise<{ view: JourneyView; source: 'workflow' | 'read-model' }> {
    try {
      return { view: await this.temporal.call('query', journeyId, () => this.client.workflow.getHandle(journeyId).query(getJourneyStateQuery)), source: 'workflow' };
    } catch (error) {
      // Issue 17: with the worker down (or Temporal no longer retaining the journey) the state is rebuilt from the
      // events the read model recorded; its statuses are then made exact for the request's instant like the live one.
      if (!(error instanceof JourneyNotFoundError) && !(error instanceof WorkerUnavailableError)) throw error;
      const events = await this.readModel.query((rm) => rm.events(journeyId)).catch((cause: unknown) => {
        if (error instanceof WorkerUnavailableError && cause instanceof ReadModelUnavailableError) throw error;
        throw cause;
      });
      if (events.length === 0) throw error;
      return { view: toView(replay(events)), source: 'read-model' };
    }
  }

  /**
   * 403 unless the caller's offices cover the journey's office, or include the CPI competent for it (a CPI's staff
   * reach the journeys of the accredited operators under it, to read them and decide their sanctions; their lists stay
   * their own offices').
   */
  private async assertReaches(principal: Principal, officeId: string): Promise<void> {
    if (coversOffice(principal, officeId) || (await this.offices.competentCpiCovered(principal, officeId))) return;
    assertCovers(principal, officeId);
  }

  /**
   * A transfer with its next episode, which the API (never the body) attaches: the target programme's latest
   * catalogue in the office's region, as a start pins it (400 naming `toProgrammeCode` when there is none), the person's reference, and the
   * next episode's id, derived from this journey and the target (so the workflow's start of it is idempotent).
   */
  private async withNextEpisode(journeyId: string, command: TransferJourneyCommand): Promise<TransferJourneyCommand> {
    const { view } = await this.liveOrRecorded(journeyId);
    if (command.toProgrammeCode === view.programmeCode) {
      throw new JourneyRefusedError({ code: 'TRANSFER_SAME_PROGRAMME', message: `the journey already follows ${view.programmeCode}: a transfer goes to another path` }, journeyId);
    }
    const catalogue = await this.programmes.resolve(command.toProgrammeCode, await this.offices.region(view.officeId));
    if (!catalogue) throw new ValidationFailedError([{ field: 'toProgrammeCode', message: 'unknown programme; see GET /programmes', code: 'unknown_programme' }]);
    const key = this.settings.journeyIdKey;
    return {
      ...command,
      nextEpisode: {
        journeyId: transferJourneyIdFor(journeyId, command.toProgrammeCode, key),
        programmeCode: command.toProgrammeCode,
        personRef: view.personRef ?? personRefFor(view.beneficiary.fiscalCode, key),
        catalogueVersion: catalogue.version,
        scope: scopeOf(catalogue),
        clocks: catalogue.clocks,
        services: catalogue.services,
        workingDayClocks: catalogue.workingDayClocks,
        ...(catalogue.rollForwardClocks ? { rollForwardClocks: catalogue.rollForwardClocks } : {}),
        offerSuitability: catalogue.offerSuitability ?? null,
      },
    };
  }

  /** The office a journey belongs to: from the read model, or from the journey itself when not projected yet. */
  private async officeOf(journeyId: string): Promise<string> {
    const row = await this.readModel.query((rm) => rm.find(journeyId)).catch((error: unknown) => {
      if (error instanceof ReadModelUnavailableError) return null;
      throw error;
    });
    return row ? row.officeId : (await this.liveOrRecorded(journeyId)).view.officeId;
  }

  /** Journeys from the read model, filtered and paged, newest first. */
  async list(principal: Principal, q: ListJourneysQuery): Promise<JourneyPageDto> {
    if (q.officeId !== undefined) assertCovers(principal, q.officeId);
    const officeIds = q.officeId !== undefined ? [q.officeId] : principal.offices === 'all' ? undefined : principal.offices;
    const page = await this.readModel.query((rm) =>
      rm.search({
        officeIds,
        programmeCode: q.programmeCode,
        stage: q.stage,
        status: q.status,
        overdue: q.overdue,
        stalled: q.stalled,
        benefitStatus: q.benefitStatus,
        assignedTo: q.assignedTo,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
    return { ...page, items: page.items.map(toSummary) };
  }

  /**
   * The timeline from the read model. Empty while the first event is not yet projected (eventually consistent,
   * usually within a second); 404 only when Temporal does not know the journey either; 410 once its personal data was
   * erased (issue 15).
   */
  async events(principal: Principal, journeyId: string): Promise<JourneyEvent[]> {
    // An erased journey's events keep only their types and dates: 410, as its state.
    await this.refuseErased(principal, journeyId);
    const events = await this.readModel.query((rm) => rm.events(journeyId));
    const started = events[0];
    if (started?.type === 'JourneyStarted') {
      await this.assertReaches(principal, started.data.officeId);
      return events;
    }
    await this.assertReaches(principal, (await this.liveOrRecorded(journeyId)).view.officeId);
    return [];
  }

  /**
   * Sends an operator command (the command table of `@sal/contracts`) through the journey's `journeyCommand` update;
   * the journey decides, refuses with a code, or answers its new state.
   */
  async send(principal: Principal, journeyId: string, command: OperatorCommand): Promise<JourneyViewDto> {
    const key = currentIdempotencyKey();
    // Checked before anything is sent: a refused caller writes nothing. Most commands need no office of the API's: the
    // caller's offices travel with the update and its validator refuses a journey outside them (the same 403, before
    // anything is decided or recorded), so the API reads nothing first. Those that need the journey's office read it
    // as before: a sanction's decision (the acting office, the competent CPI's reach), a GOL path choice and a transfer
    // (the catalogue of the office's region), and a command with an idempotency key (its key is recorded before the
    // command is sent, which a refused caller must not do).
    let callerOffices: CallerOffices | undefined = { offices: principal.offices };
    let officeId: string | undefined;
    if (command.type === 'ConfirmConditionalityStep' || command.type === 'DismissConditionalityStep') {
      // A sanction is the competent CPI's to decide: its staff reach the journeys of the accredited operators under it,
      // and the journey checks the office the API finds they act from (never one the body names).
      officeId = await this.officeOf(journeyId);
      await this.assertReaches(principal, officeId);
      const pinned = (await this.liveOrRecorded(journeyId)).view.office;
      const actingOffice = await this.offices.actingOffice(principal, pinned, officeId);
      command = { ...command, ...(actingOffice ? { actingOffice } : {}) };
      // The CPI's staff may not cover the journey's office itself: the reach was checked here.
      callerOffices = undefined;
    } else if (key !== undefined || command.type === 'ChooseGolPath' || command.type === 'TransferJourney') {
      officeId = await this.officeOf(journeyId);
      assertCovers(principal, officeId);
    }
    let updateId: string | undefined;
    if (key !== undefined) {
      // The key names one command: recorded before it is sent, so the same key with another command or body is refused.
      const use = { subject: principal.subject, journeyId, key, fingerprint: commandFingerprint(journeyCommandUpdate.name, command) };
      if ((await this.readModel.use(({ dataSource }) => recordKeyUse(dataSource, use))) === 'reused') throw new IdempotencyKeyReusedError(journeyId);
      // A retry with the same key is the same update to Temporal, which applies it once and answers its first outcome.
      updateId = idempotencyUpdateId(principal.subject, key);
    }
    // What the server attaches (issue 14), never the body, after the idempotency key's fingerprint, which names what
    // the caller sent: the path's catalogue a GOL path choice runs under (its latest version in the office's region),
    // the next episode a transfer opens.
    if (command.type === 'ChooseGolPath') {
      const catalogue = await this.programmes.resolve(golPathProgramme(command.path), await this.offices.region(officeId ?? (await this.officeOf(journeyId))));
      command = { ...command, ...(catalogue ? { catalogue: pathCatalogue(catalogue) } : {}) };
    }
    if (command.type === 'TransferJourney') command = await this.withNextEpisode(journeyId, command);
    const args: [OperatorCommand, CallerOffices?] = callerOffices ? [command, callerOffices] : [command];
    try {
      const view = await this.temporal.call('command', journeyId, () => this.client.workflow.getHandle(journeyId).executeUpdate(journeyCommandUpdate, { args, updateId }));
      return toViewDto(view, 'workflow');
    } catch (error) {
      // A journey that could not run the validator (ended, no longer in Temporal, its worker silent) was not scoped by
      // it: a caller outside its office gets the 403 they got before rather than learning how the journey is.
      if (callerOffices && (error instanceof JourneyClosedError || error instanceof JourneyNotFoundError || error instanceof WorkerUnavailableError)) {
        const recorded = await this.officeOf(journeyId).catch(() => null);
        if (recorded !== null) assertCovers(principal, recorded);
      }
      throw error;
    }
  }
}

/** What a `ChooseGolPath` carries of the path's catalogue: what the journey runs under from the choice. */
function pathCatalogue(c: ProgrammeCatalogue): GolPathCatalogue {
  return {
    code: c.code,
    version: c.version,
    scope: scopeOf(c),
    clocks: c.clocks,
    services: c.services,
    workingDayClocks: c.workingDayClocks,
    offerSuitability: c.offerSuitability ?? null,
    ...(c.rollForwardClocks ? { rollForwardClocks: c.rollForwardClocks } : {}),
  };
}
