import type { JourneyEvent, JourneyState } from './model';
import type { JourneyNotice, NoticeAudience, NoticeKind } from './notices';

/** One notice per audience; the key makes delivering it twice send nothing more. */
export function notice(
  state: JourneyState,
  event: JourneyEvent,
  kind: NoticeKind,
  audiences: NoticeAudience[],
  ref: string,
  subject: JourneyNotice['subject'],
): JourneyNotice[] {
  return audiences.map((audience) => ({
    key: `${state.journeyId}:${kind}:${ref}:${audience}`,
    journeyId: state.journeyId,
    officeId: state.officeId,
    programmeCode: state.programmeCode,
    kind,
    audience,
    operatorId: state.pact?.responsibleOperatorId ?? state.intake?.operatorId ?? null,
    beneficiary: { givenName: state.beneficiary.givenName, familyName: state.beneficiary.familyName, email: state.beneficiary.email ?? null },
    subject,
    at: event.at,
  }));
}

/** For events that tell nobody anything. */
export const silent = (): JourneyNotice[] => [];
