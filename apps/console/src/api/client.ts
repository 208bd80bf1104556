import createClient, { type Middleware } from 'openapi-fetch';
import type { AuthSession } from '../auth';
import { isMessageKey } from '../i18n/catalogue';
import { fieldProblemText } from '../i18n/field-problems';
import type { Translate } from '../i18n/i18n';
import type { components, paths } from './schema';

/** No valid token: the session has expired (the console shows the session-expired page). */
export class SessionExpiredError extends Error {
  constructor() {
    super('the session has expired');
  }
}

/** One problem of a 400 answer: the field's path as the request wrote it, the API's own message, its rule's stable code and parameters. */
export type FieldProblem = components['schemas']['FieldProblemDto'];

/** The body of every error answer of the API. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[]; journeyId?: string };
}

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * The typed client of the API (types generated from its own OpenAPI document, `src/api/schema.d.ts`). Every request
 * carries the session's access token; without one, or on a 401, `onExpired` is called and the request fails with
 * {@link SessionExpiredError}.
 */
export function createApiClient(session: AuthSession, onExpired: () => void, baseUrl = ''): ApiClient {
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await session.accessToken();
      if (!token) {
        onExpired();
        throw new SessionExpiredError();
      }
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onExpired();
      return response;
    },
  };
  const client = createClient<paths>({ baseUrl });
  client.use(auth);
  return client;
}

/** The field messages of an error answer, by field path, in the user's language ({@link fieldProblemText}). */
export function fieldMessages(error: unknown, t: Translate): Record<string, string[]> {
  const fields = (error as ApiErrorBody | undefined)?.error?.fields ?? [];
  const byField: Record<string, string[]> = {};
  for (const problem of fields) (byField[problem.field] ??= []).push(fieldProblemText(problem, t, isMessageKey));
  return byField;
}
