
import { CLOCK_NAMES, LEGAL_CLOCK_NAMES, suitabilityThresholds, type JourneyClocks, type ProgrammeCatalogue, type RollForwardClocks, scopeOf, type PresentationObligation } from '@sal/domain';
import type { ProgrammeCatalogueDto } from './dto/programme-catalogue.response';

/**
 * The clocks in their documented order (PostgreSQL's jsonb keeps its own key order), and nothing else: the four core
 * clocks always, the optional ones when the catalogue states them (null included).
 */
export function clocksInOrder(c: JourneyClocks): JourneyClocks {
  const clocks: JourneyClocks = { reminderBeforeDue: c.reminderBeforeDue, escalationAfter: c.escalationAfter, pactDeadline: c.pactDeadline, stallAfter: c.stallAfter };
  const source = c as unknown as Record<string, string | null | undefined>;
  const target = clocks as unknown as Record<string, string | null>;
  for (const name of CLOCK_NAMES) {
    const value = source[name];
    if (!(name in clocks) && value !== undefined) target[name] = value;
  }
  return clocks;
}

export function inClockOrder(catalogue: ProgrammeCatalogue): ProgrammeCatalogue {
  return { ...catalogue, clocks: clocksInOrder(catalogue.clocks) };
}

/**
 * A version as the API answers it: `services` only when the version lists them, `offerSuitability` only when it states it,
 * `workingDayClocks` and `rollForwardClocks` only when they name some, so a version published without them reads as it always did.
 */
export function toDto(catalogue: ProgrammeCatalogue): ProgrammeCatalogueDto {
  const { code, version, title, services, workingDayClocks, rollForwardClocks } = catalogue;
  return {
    code,
    version,
    scope: scopeOf(catalogue),
    title,
    clocks: clocksInOrder(catalogue.clocks),
    // In the documented key order (PostgreSQL's jsonb keeps its own).
    ...(services ? { services: services.map((s) => ({ service: s.service, after: s.after })) } : {}),
    ...(workingDayClocks && workingDayClocks.length > 0 ? { workingDayClocks } : {}),
    // Only on versions that state the section, then whole: the thresholds they leave out are the D.M.'s.
    ...(catalogue.offerSuitability ? { offerSuitability: suitabilityThresholds({ offerSuitability: catalogue.offerSuitability }) } : {}),
    ...(rollForwardClocks && Object.keys(rollForwardClocks).length > 0 ? { rollForwardClocks: rollForwardInOrder(rollForwardClocks) } : {}),
    ...(catalogue.absenceReasons ? { absenceReasons: [...catalogue.absenceReasons] } : {}),
    ...(catalogue.assessmentAreas ? { assessmentAreas: [...catalogue.assessmentAreas] } : {}),
    ...(catalogue.presentation ? { presentation: presentationInOrder(catalogue.presentation) } : {}),
    ...(catalogue.personalDataRetention ? { personalDataRetention: catalogue.personalDataRetention } : {}),
  };
}

/** The presentation obligation in its documented key order (PostgreSQL's jsonb keeps its own). */
export function presentationInOrder(p: PresentationObligation): PresentationObligation {
  const { benefit, kind, first, every, decadenzaOnMissedConvocation, duration } = p;
  return {
    benefit,
    kind,
    first,
    every,
    decadenzaOnMissedConvocation,
    duration: duration ? { length: duration.length, extension: duration.extension, updateWindow: duration.updateWindow, updateGrace: duration.updateGrace } : null,
  };
}

/** The roll-forward settings in the clock table's order (PostgreSQL's jsonb keeps its own key order). */
export function rollForwardInOrder(settings: RollForwardClocks): RollForwardClocks {
  const ordered: Record<string, { saturdaysClosed: boolean }> = {};
  for (const name of LEGAL_CLOCK_NAMES) {
    const s = settings[name];
    if (s) ordered[name] = { saturdaysClosed: s.saturdaysClosed };
  }
  return ordered as RollForwardClocks;
}
