import { Injectable } from '@nestjs/common';
import { NATIONAL, OFFER_SUITABILITY_THRESHOLD_NAMES, validateCatalogue, type RegionKey, type OfferSuitabilityThresholds, type JourneyClocks, type LegalClockName, type ProgrammeCatalogue, type RollForwardClocks, type ServiceStep, type AbsenceReason, type PresentationObligation } from '@sal/domain';
import { clocksInOrder, inClockOrder, presentationInOrder, rollForwardInOrder, toDto } from './catalogue-mapping';
import { ProgrammeNotFoundError, ValidationFailedError, type GivenFieldProblem } from '../common/api-errors';
import { ReadModelService } from '../database/read-model.service';
import { DIRECTORY_CACHE_MS, TtlCache } from '../common/ttl-cache';
import type { ProgrammeCatalogueDto } from './dto/programme-catalogue.response';
import type { PublishCatalogueDto } from './dto/publish-catalogue.dto';

/**
 * Programme catalogues: versioned data in PostgreSQL. A journey pins the latest version when it starts (the journeys
 * feature asks {@link ProgrammesService.resolve}), so publishing a version never changes journeys already running.
 * Issue 15: each version is national or a region's own; a region's own version of a code applies to the journeys of
 * that region's offices only, the national one everywhere else (`resolveCatalogue` of @sal/domain).
 */
@Injectable()
export class ProgrammesService {
  /**
   * What a start pins per programme and region: a published version never changes, but which one is the latest does,
   * so it is kept {@link DIRECTORY_CACHE_MS} and cleared by every publish here.
   */
  private readonly latestCache = new TtlCache<string, ProgrammeCatalogue | null>(DIRECTORY_CACHE_MS);

  constructor(private readonly readModel: ReadModelService) {}

  /** The catalogue of every programme in `region` (its own version of a code, else the national one; absent: the national ones), by code. */
  async list(region?: RegionKey): Promise<ProgrammeCatalogueDto[]> {
    return (await this.readModel.use((m) => m.catalogues.listEffective(region ?? null))).map(toDto);
  }

  /** The latest national version of a programme (every clock it states, its services), or null when there is none. */
  latest(code: string): Promise<ProgrammeCatalogue | null> {
    return this.resolve(code, null);
  }

  /**
   * What a journey of an office in `region` pins for `code` (null region: an office with no known region): the
   * region's own latest version, else the national one, with every clock it states; null when there is none.
   */
  async resolve(code: string, region: RegionKey | null): Promise<ProgrammeCatalogue | null> {
    const catalogue = await this.latestCache.get(`${region ?? ''}|${code}`, () => this.readModel.use((m) => m.catalogues.resolve(code, region)));
    return catalogue && inClockOrder(catalogue);
  }

  /**
   * The effective catalogue in `region` (national when absent), or the given version of the region's own (national
   * ones when absent). @throws ProgrammeNotFoundError
   */
  async get(code: string, version?: number, region?: RegionKey): Promise<ProgrammeCatalogueDto> {
    const catalogue =
      version === undefined
        ? await this.resolve(code, region ?? null)
        : ((await this.readModel.use((m) => m.catalogues.versions(code, region ?? NATIONAL))).find((c) => c.version === version) ?? null);
    if (!catalogue) throw new ProgrammeNotFoundError(code, version);
    return toDto(catalogue);
  }

  /**
   * Every version of a programme in one scope (`region`'s own, else the national ones), oldest first: what the
   * administrators' console lists and compares. @throws ProgrammeNotFoundError when the scope has none
   */
  async versions(code: string, region?: RegionKey): Promise<ProgrammeCatalogueDto[]> {
    const versions = await this.readModel.use((m) => m.catalogues.versions(code, region ?? NATIONAL));
    if (versions.length === 0) throw new ProgrammeNotFoundError(code);
    return versions.map((c) => toDto(inClockOrder(c)));
  }

  /**
   * Checks the definition with the domain's rules and stores it as the programme's next version (version 1 for a new
   * code) — national, or `region`'s own (numbered on its own). @throws ValidationFailedError naming each offending field
   */
  async publish(code: string, dto: PublishCatalogueDto, region?: RegionKey): Promise<ProgrammeCatalogueDto> {
    const problems: GivenFieldProblem[] = validateCatalogue({
      code,
      title: dto.title,
      clocks: dto.clocks,
      ...(dto.services !== undefined ? { services: dto.services } : {}),
      ...(dto.workingDayClocks !== undefined ? { workingDayClocks: dto.workingDayClocks } : {}),
      ...(dto.offerSuitability !== undefined ? { offerSuitability: dto.offerSuitability } : {}),
      ...(dto.rollForwardClocks !== undefined ? { rollForwardClocks: dto.rollForwardClocks } : {}),
      ...(dto.absenceReasons !== undefined ? { absenceReasons: dto.absenceReasons } : {}),
      ...(dto.assessmentAreas !== undefined ? { assessmentAreas: dto.assessmentAreas } : {}),
      ...(dto.presentation !== undefined ? { presentation: dto.presentation } : {}),
      ...(dto.personalDataRetention !== undefined ? { personalDataRetention: dto.personalDataRetention } : {}),
    });
    // Issue 15: a body read from GET names its scope; the query chooses it.
    const scope = region ?? NATIONAL;
    if (dto.scope !== undefined && dto.scope !== scope) problems.push({ field: 'scope', message: `must be ${scope}, the scope this request publishes in (choose it with ?region=)`, code: 'wrong_scope', params: { scope } });
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
      ...(dto.presentation ? { presentation: presentationInOrder(dto.presentation as PresentationObligation) } : {}),
      ...(typeof dto.personalDataRetention === 'string' ? { personalDataRetention: dto.personalDataRetention } : {}),
    };
    return toDto(await this.readModel.use((m) => m.catalogues.publish(definition, scope)).finally(() => this.latestCache.clear()));
  }
}

/** The thresholds a catalogue states, in their documented order; null when it states none. */
function thresholdsInOrder(t: Partial<OfferSuitabilityThresholds> | null | undefined): Partial<OfferSuitabilityThresholds> | null {
  if (!t) return null;
  const entries = OFFER_SUITABILITY_THRESHOLD_NAMES.filter((name) => t[name] !== undefined).map((name) => [name, t[name]]);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<OfferSuitabilityThresholds>) : null;
}
