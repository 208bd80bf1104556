import { Injectable } from '@nestjs/common';
import { OFFER_SUITABILITY_THRESHOLD_NAMES, validateCatalogue, type OfferSuitabilityThresholds, type JourneyClocks, type LegalClockName, type ProgrammeCatalogue, type RollForwardClocks, type ServiceStep, type AbsenceReason } from '@sal/domain';
import { clocksInOrder, inClockOrder, rollForwardInOrder, toDto } from './catalogue-mapping';
import { ProgrammeNotFoundError, ValidationFailedError } from '../common/api-errors';
import { ReadModelService } from '../database/read-model.service';
import type { ProgrammeCatalogueDto } from './dto/programme-catalogue.response';
import type { PublishCatalogueDto } from './dto/publish-catalogue.dto';

/**
 * Programme catalogues: versioned data in PostgreSQL. A journey pins the latest version when it starts (the journeys
 * feature asks {@link ProgrammesService.latest}), so publishing a version never changes journeys already running.
 */
@Injectable()
export class ProgrammesService {
  constructor(private readonly readModel: ReadModelService) {}

  /** The latest version of every programme, by code. */
  async list(): Promise<ProgrammeCatalogueDto[]> {
    return (await this.readModel.use((m) => m.catalogues.listLatest())).map(toDto);
  }

  /** The latest version of a programme (every clock it states, its services), or null when there is none. */
  async latest(code: string): Promise<ProgrammeCatalogue | null> {
    const catalogue = await this.readModel.use((m) => m.catalogues.latest(code));
    return catalogue && inClockOrder(catalogue);
  }

  /** The latest version, or the given one. @throws ProgrammeNotFoundError */
  async get(code: string, version?: number): Promise<ProgrammeCatalogueDto> {
    const catalogue =
      version === undefined
        ? await this.latest(code)
        : ((await this.readModel.use((m) => m.catalogues.versions(code))).find((c) => c.version === version) ?? null);
    if (!catalogue) throw new ProgrammeNotFoundError(code, version);
    return toDto(catalogue);
  }

  /**
   * Checks the definition with the domain's rules and stores it as the programme's next version (version 1 for a new
   * code). @throws ValidationFailedError naming each offending field
   */
  async publish(code: string, dto: PublishCatalogueDto): Promise<ProgrammeCatalogueDto> {
    const problems = validateCatalogue({
      code,
      title: dto.title,
      clocks: dto.clocks,
      ...(dto.services !== undefined ? { services: dto.services } : {}),
      ...(dto.workingDayClocks !== undefined ? { workingDayClocks: dto.workingDayClocks } : {}),
      ...(dto.offerSuitability !== undefined ? { offerSuitability: dto.offerSuitability } : {}),
      ...(dto.rollForwardClocks !== undefined ? { rollForwardClocks: dto.rollForwardClocks } : {}),
      ...(dto.absenceReasons !== undefined ? { absenceReasons: dto.absenceReasons } : {}),
      ...(dto.assessmentAreas !== undefined ? { assessmentAreas: dto.assessmentAreas } : {}),
      ...(dto.personalDataRetention !== undefined ? { personalDataRetention: dto.personalDataRetention } : {}),
    });
    if (problems.length > 0) throw new ValidationFailedError(problems, 'the catalogue is not valid');
    const definition = {
      code,
      title: dto.title as string,
      clocks: clocksInOrder(dto.clocks as JourneyClocks),
      services: (dto.services as ServiceStep[] | null | undefined)?.map((s) => ({ service: s.service, after: [...s.after] })) ?? null,
      workingDayClocks: [...((dto.workingDayClocks as LegalClockName[] | undefined) ?? [])],
      offerSuitability: thresholdsInOrder(dto.offerSuitability as Partial<OfferSuitabilityThresholds> | null | undefined),
      ...(dto.rollForwardClocks !== undefined ? { rollForwardClocks: rollForwardInOrder(dto.rollForwardClocks as RollForwardClocks) } : {}),
      ...(dto.absenceReasons ? { absenceReasons: [...(dto.absenceReasons as AbsenceReason[])] } : {}),
      ...(Array.isArray(dto.assessmentAreas) ? { assessmentAreas: [...(dto.assessmentAreas as string[])] } : {}),
      ...(typeof dto.personalDataRetention === 'string' ? { personalDataRetention: dto.personalDataRetention } : {}),
    };
    return toDto(await this.readModel.use((m) => m.catalogues.publish(definition)));
  }
}

/** The thresholds a catalogue states, in their documented order; null when it states none. */
function thresholdsInOrder(t: Partial<OfferSuitabilityThresholds> | null | undefined): Partial<OfferSuitabilityThresholds> | null {
  if (!t) return null;
  const entries = OFFER_SUITABILITY_THRESHOLD_NAMES.filter((name) => t[name] !== undefined).map((name) => [name, t[name]]);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<OfferSuitabilityThresholds>) : null;
}
