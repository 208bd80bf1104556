import type { CodecSettings } from './codec-settings';

/** Headers the Web UI sends: JSON, its namespace, and the user's bearer token when it passes one. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Namespace';
const PREFLIGHT_MAX_AGE_S = 600;

/** What to answer a request to the codec endpoint with, CORS-wise. */
export interface CorsAnswer {
  headers: Record<string, string>;
  /** An OPTIONS preflight: answer 204 with `headers` and stop (a browser never sends credentials on it). */
  preflight: boolean;
}

/**
 * CORS of the codec endpoint: only the configured Web UI origins are echoed back, with credentials allowed (never
 * `*`); any other origin gets no CORS headers, so its browser refuses to send or read the request.
 */
export function codecCors(settings: CodecSettings, method: string, origin: string | undefined): CorsAnswer {
  const allowed = origin !== undefined && settings.uiOrigins.has(origin);
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (allowed) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Allow-Credentials'] = 'true';
  }
  const preflight = method.toUpperCase() === 'OPTIONS';
  if (preflight && allowed) {
    headers['Access-Control-Allow-Methods'] = 'POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS;
    headers['Access-Control-Max-Age'] = String(PREFLIGHT_MAX_AGE_S);
  }
  return { headers, preflight };
}
