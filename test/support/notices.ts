import type { NoticeRecorder } from '@sal/activities';
import type { JourneyNotice } from '@sal/domain';

/**
 * Keeps every notice the journeys hand to their `notifyJourney` activity, as the outbox would receive them, so
 * workflow tests can assert which notices a deadline sent and how often. Delivery itself is tested with the real
 * outbox, dispatcher and SMTP sink elsewhere.
 */
export class NoticeLog implements NoticeRecorder {
  readonly received: JourneyNotice[] = [];

  async notify(notices: JourneyNotice[]): Promise<void> {
    this.received.push(...notices);
  }

  of(journeyId: string): JourneyNotice[] {
    return this.received.filter((n) => n.journeyId === journeyId);
  }

  /** `kind/audience` of a journey's notices, in the order they arrived. */
  kinds(journeyId: string): string[] {
    return this.of(journeyId).map((n) => `${n.kind}/${n.audience}`);
  }
}
