import type { DataSource, EntityManager } from 'typeorm';
import type { JourneyNotice } from '@sal/domain';
import { OutboxMessageRecord, type OutboxStatus } from '@sal/persistence';
import { StaffDirectory } from './staff-directory';
import { renderNotice } from './templates';

export interface NotifyResult {
  /** Notices recorded now (each one as one outbox message per recipient). */
  enqueued: number;
  /** Notices recorded before (a retried activity, a repeated key): nothing was written for them. */
  duplicates: number;
}

/** One recipient of a notice: an address to send to, or the reason there is none. */
interface Recipient {
  /** `beneficiary`, a staff id, or the office id when the office has no supervisor. */
  ref: string;
  name: string | null;
  address: string | null;
  problem: string | null;
}

/** Lenient on purpose: the SMTP server is the judge; this only catches what cannot be an address at all. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/**
 * Records journey notices in the outbox, where the dispatcher picks them up. Idempotent on `notice.key`: a notice
 * whose key is already in the outbox writes nothing, whoever the recipients would be now.
 *
 * Each recipient gets a row of its own (`dedup_key` = notice key + `:` + recipient ref): a notice to the supervisors of
 * an office with three supervisors is three messages, each with its own status and retries, so one bad address
 * neither blocks nor re-sends the others, and nobody sees the other recipients' addresses.
 */
export class NotificationService {
  private readonly staff: StaffDirectory;

  constructor(private readonly dataSource: DataSource) {
    this.staff = new StaffDirectory(dataSource);
  }

  /**
   * Records every notice, or none: in a transaction of its own, or in `within` (the journey's side-effect batch, whose
   * read-model writes commit or roll back with these rows).
   */
  async notify(notices: readonly JourneyNotice[], within?: EntityManager): Promise<NotifyResult> {
    if (notices.length === 0) return { enqueued: 0, duplicates: 0 };
    const record = async (m: EntityManager): Promise<NotifyResult> => {
      // Serialises a retried activity racing a slow first attempt; keys locked in one order, so no deadlock.
      const keys = [...new Set(notices.map((n) => n.key))].sort();
      for (const key of keys) await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      let enqueued = 0;
      let duplicates = 0;
      const seen = new Set<string>();
      for (const notice of notices) {
        // The key alone decides: with per-recipient rows, a staff change between two attempts must not add recipients.
        if (seen.has(notice.key) || (await m.existsBy(OutboxMessageRecord, { noticeKey: notice.key }))) {
          duplicates += 1;
          continue;
        }
        seen.add(notice.key);
        const inserted = await insertMessages(m, notice, await this.recipients(m, notice));
        if (inserted > 0) enqueued += 1;
        else duplicates += 1;
      }
      return { enqueued, duplicates };
    };
    return within ? record(within) : this.dataSource.transaction(record);
  }

  private async recipients(m: EntityManager, notice: JourneyNotice): Promise<Recipient[]> {
    switch (notice.audience) {
      case 'beneficiary': {
        const name = `${notice.beneficiary.givenName} ${notice.beneficiary.familyName}`;
        const email = notice.beneficiary.email?.trim() ?? '';
        if (!email) return [{ ref: 'beneficiary', name, address: null, problem: 'the beneficiary has no e-mail address' }];
        return [checked({ ref: 'beneficiary', name, address: email, problem: null }, 'the beneficiary')];
      }
      case 'operator': {
        const operatorId = notice.operatorId;
        if (!operatorId) return [{ ref: 'unassigned', name: null, address: null, problem: 'the journey has no responsible operator' }];
        const member = await this.staff.find(operatorId, m);
        if (!member) return [{ ref: operatorId, name: null, address: null, problem: `operator ${operatorId} is not in the staff directory` }];
        if (!member.active) return [{ ref: operatorId, name: member.displayName, address: null, problem: `operator ${operatorId} is not active in the staff directory` }];
        return [checked({ ref: operatorId, name: member.displayName, address: member.email.trim(), problem: null }, `operator ${operatorId}`)];
      }
      case 'supervisor': {
        const supervisors = await this.staff.activeSupervisors(notice.officeId, m);
        if (supervisors.length === 0) {
          return [{ ref: notice.officeId, name: null, address: null, problem: `office ${notice.officeId} has no active supervisor in the staff directory` }];
        }
        return supervisors.map((s) => checked({ ref: s.staffId, name: s.displayName, address: s.email.trim(), problem: null }, `supervisor ${s.staffId}`));
      }
    }
  }
}

function checked(recipient: Recipient, who: string): Recipient {
  if (recipient.address !== null && EMAIL.test(recipient.address)) return recipient;
  return { ...recipient, address: null, problem: `the e-mail address of ${who} is not valid` };
}

/** One row per recipient; `ON CONFLICT (dedup_key) DO NOTHING`. Returns how many rows were new. */
async function insertMessages(m: EntityManager, notice: JourneyNotice, recipients: Recipient[]): Promise<number> {
  const columns = ['dedup_key', 'notice_key', 'journey_id', 'office_id', 'kind', 'audience', 'recipient_ref', 'to_address', 'subject', 'body', 'status', 'last_error'];
  const values: unknown[] = [];
  const tuples = recipients.map((r) => {
    const { subject, text } = renderNotice(notice, r.name);
    const status: OutboxStatus = r.address === null ? 'undeliverable' : 'pending';
    const row = [`${notice.key}:${r.ref}`, notice.key, notice.journeyId, notice.officeId, notice.kind, notice.audience, r.ref, r.address, subject, text, status, r.problem];
    const placeholders = row.map((value) => {
      values.push(value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const inserted: { id: string }[] = await m.query(
    `INSERT INTO notification_outbox (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
    values,
  );
  return inserted.length;
}
