import { CODEC_ORIGINS_ENV, loadEnv } from '@sal/config';

/** What the codec endpoint reads from the environment besides the payload keys. */
export interface CodecSettings {
  /** Origins of the Temporal Web UI allowed to call the endpoint from a browser (`TEMPORAL_UI_ORIGINS`). */
  uiOrigins: ReadonlySet<string>;
}

/**
 * Reads `TEMPORAL_UI_ORIGINS` (declared in `@sal/config`, which `npm start` sets for its own Web UI); the API reads it
 * with its other settings (`loadApiSettings`).
 * @throws ConfigurationError naming the entry that is not an origin.
 */
export function loadCodecSettings(env: NodeJS.ProcessEnv = process.env): CodecSettings {
  return { uiOrigins: new Set(loadEnv(CODEC_ORIGINS_ENV, env).TEMPORAL_UI_ORIGINS) };
}
