/** What the codec endpoint reads from the environment besides the payload keys. */
export interface CodecSettings {
  /** Origins of the Temporal Web UI allowed to call the endpoint from a browser (`TEMPORAL_UI_ORIGINS`). */
  uiOrigins: ReadonlySet<string>;
}

/** The dev server's Web UI, under both names a browser may use for it. */
export const DEFAULT_UI_ORIGINS = 'http://127.0.0.1:8233,http://localhost:8233';

/**
 * Reads `TEMPORAL_UI_ORIGINS`: comma-separated origins (`scheme://host[:port]`, no path) of the Temporal Web UI.
 * @throws Error naming the entry that is not an origin.
 */
export function loadCodecSettings(env: NodeJS.ProcessEnv = process.env): CodecSettings {
  const raw = env.TEMPORAL_UI_ORIGINS?.trim() || DEFAULT_UI_ORIGINS;
  const uiOrigins = new Set<string>();
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const origin = originOf(entry);
    if (!origin) throw new Error(`TEMPORAL_UI_ORIGINS must list origins such as http://127.0.0.1:8233 (no path), got '${entry}'`);
    uiOrigins.add(origin);
  }
  return { uiOrigins };
}

function originOf(entry: string): string | null {
  try {
    const url = new URL(entry);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}
