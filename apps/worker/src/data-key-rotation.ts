import type { DataSource } from 'typeorm';
import { PayloadDataKeyStore } from '@sal/persistence';
import { DataKeyUnwrapError, rewrapDataKey, type PayloadEncryptionSettings } from '@sal/temporal';

/** Keys rewrapped per query. */
const PAGE = 500;

/** What a rotation did: keys moved under the current master key, and those it could not open (their master key missing). */
export interface RewrapOutcome {
  rewrapped: number;
  /** Journey ids whose key is wrapped under a master key this process does not hold (left as they are). */
  unopenable: string[];
}

/**
 * Master key rotation, step 2 (`npm run rewrap-data-keys`): every journey data key not yet wrapped under the current
 * master key (`PAYLOAD_ENCRYPTION_KEY_ID`) is unwrapped with its old one and wrapped again under the current one, a page
 * at a time; shredded keys stay shredded. Idempotent, and safe while the worker and the API run (a key changed
 * meanwhile is left for the next run). Once it reports nothing left, the old master key can leave
 * `PAYLOAD_ENCRYPTION_KEYS` as far as data keys are concerned.
 */
export async function rewrapDataKeys(dataSource: DataSource, settings: Pick<PayloadEncryptionSettings, 'keys' | 'currentKeyId'>): Promise<RewrapOutcome> {
  const store = new PayloadDataKeyStore(dataSource);
  const outcome: RewrapOutcome = { rewrapped: 0, unopenable: [] };
  let after = '';
  for (;;) {
    const page = await store.wrappedUnderOther(settings.currentKeyId, after, PAGE);
    for (const row of page) {
      try {
        const rewrapped = rewrapDataKey(settings.keys, row.journeyId, row, settings.currentKeyId);
        if (await store.rewrap(row.journeyId, row, rewrapped)) outcome.rewrapped += 1;
      } catch (error) {
        if (!(error instanceof DataKeyUnwrapError)) throw error;
        outcome.unopenable.push(row.journeyId);
      }
    }
    if (page.length < PAGE) return outcome;
    after = page[page.length - 1].journeyId;
  }
}
