import { createLogger, observabilitySettings, startTracing, type Logger, type ObservabilitySettings, type Tracing } from '@sal/temporal';
import { routeLabel } from './metrics/api-metrics';
export { PinoNestLogger } from './observability-middleware';

/**
 * The API's logger and tracer, made when `main` imports this module, first: the HTTP instrumentation must be in
 * place before Express creates its server. A wrong variable falls back to the defaults here; `loadApiSettings` then
 * names it with the others and the process stops.
 */
function settingsOrDefaults(): ObservabilitySettings {
  try {
    return observabilitySettings(process.env, { warn: () => undefined });
  } catch {
    return observabilitySettings({}, { warn: () => undefined });
  }
}

const settings = settingsOrDefaults();
export const apiLogger: Logger = createLogger('sal-api', settings);
export const apiTracing: Tracing = startTracing('sal-api', settings.otlpTracesUrl, { http: true, routeOf: (req) => routeLabel(req as Parameters<typeof routeLabel>[0]) });

