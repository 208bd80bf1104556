/**
 * What other projects (tests, tools) may import from the API without loading Nest: the error catalogue and the
 * settings loader. The server itself starts from `main.ts`.
 */
export { ALL_ERROR_STATUSES, API_ERROR_STATUS, REFUSAL_STATUS, type ApiErrorCode, type ErrorBody, type FieldProblem } from './common/api-errors';
export { API_ENVIRONMENT, loadApiSettings, type ApiSettings } from './config/api-settings';
export { discoverJwksUrl } from './auth/oidc-discovery';
