/** Injection token of the shared `@temporalio/client` Connection. */
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** Injection token of the `@temporalio/client` Client bound to the configured namespace. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** Injection token of the payload codec (AES-256-GCM) the client encrypts with and the codec endpoint serves. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');
