/** Injection token of the shared `@temporalio/client` Connection. */
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** Injection token of the `@temporalio/client` Client bound to the configured namespace. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** Injection token of the payload codec (AES-256-GCM) the client encrypts with and the codec endpoint serves. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');
/** Injection token of the journeys' payload data key store (`payload_data_keys`, issue 15). */
export const DATA_KEY_STORE = Symbol('DATA_KEY_STORE');
