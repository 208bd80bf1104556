/**
 * What the payload codec hands the workflow in place of a payload that reached Temporal unencrypted while unencrypted
 * payloads are refused (`PAYLOAD_REFUSE_UNENCRYPTED`, on by default with `NODE_ENV=production`): the JSON object
 * `{ "unencryptedPayloadRefused": true }`. Throwing in the codec would fail the workflow task again and again and
 * freeze the journey; a marker lets the update's validator refuse the command (`UNENCRYPTED_PAYLOAD`) and the journey
 * carry on. Side-effect free: the workflow and the codec both import it.
 */
export const UNENCRYPTED_PAYLOAD_MARKER = 'unencryptedPayloadRefused';

/** The value a refused payload decodes to. */
export type UnencryptedPayloadRefused = { readonly [UNENCRYPTED_PAYLOAD_MARKER]: true };

/** Whether a decoded command or input is the marker of a refused unencrypted payload. */
export function isUnencryptedPayloadRefused(value: unknown): value is UnencryptedPayloadRefused {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[UNENCRYPTED_PAYLOAD_MARKER] === true;
}
