/** Injection token of the {@link CodecSettings} (allowed Web UI origins). */
export const CODEC_SETTINGS = Symbol('CODEC_SETTINGS');
/**
 * Injection token of the endpoint's own payload codec: the API client's keys, but no data key kept in memory, so a
 * journey shredded by the worker's retention sweep reads as erased at once (issue 15).
 */
export const ENDPOINT_CODEC = Symbol('ENDPOINT_CODEC');
