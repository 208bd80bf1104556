/** Injection token of the {@link CodecSettings} (allowed Web UI origins). */
export const CODEC_SETTINGS = Symbol('CODEC_SETTINGS');
