import { useCallback, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { useApi } from './api-context';
import { fieldMessages, SessionExpiredError, type ApiErrorBody } from './client';

/** What became of the last submit of a form. */
export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; body: unknown }
  /** 400: the API's own message for each field path (`actions[0].dueDate`). */
  | { kind: 'invalid'; fields: Record<string, string[]>; message: string }
  /** 403/404/409/422: the journey or the API refused: its stable code (phrased by the console) and the API's own English message. */
  | { kind: 'refused'; code: string; message: string; journeyId?: string }
  /** Network, 5xx, expired session: a retry sends the same Idempotency-Key. */
  | { kind: 'failed'; status: number | string };

/**
 * Sends a command (POST `path`) with an `Idempotency-Key`: a retry of the same body reuses the key, so the API applies
 * it once; a changed body gets a new key (the API refuses a key reused for another body).
 */
export function useCommand(method: 'POST' | 'PUT' = 'POST') {
  const api = useApi();
  const t = useT();
  const [state, setState] = useState<SubmitState>({ kind: 'idle' });
  const last = useRef<{ signature: string; key: string } | null>(null);

  const submit = useCallback(
    async (path: string, body: unknown): Promise<SubmitState> => {
      const signature = `${path}\n${JSON.stringify(body)}`;
      if (!last.current || last.current.signature !== signature) last.current = { signature, key: crypto.randomUUID() };
      setState({ kind: 'sending' });
      let next: SubmitState;
      try {
        const response = await api.request(method.toLowerCase() as never, path as never, {
          body: body as never,
          headers: { 'Idempotency-Key': last.current.key },
        } as never);
        const { data, error } = response as { data?: unknown; error?: unknown; response: Response };
        const status = (response as { response: Response }).response.status;
        if (status < 300) {
          last.current = null;
          next = { kind: 'done', body: data };
        } else {
          const err = (error as ApiErrorBody | undefined)?.error;
          if (status === 400 && err) next = { kind: 'invalid', fields: fieldMessages(error, t), message: err.message };
          else if (err && status < 500 && status !== 401) next = { kind: 'refused', code: err.code, message: err.message, ...(err.journeyId ? { journeyId: err.journeyId } : {}) };
          else next = { kind: 'failed', status };
        }
      } catch (error) {
        next = { kind: 'failed', status: error instanceof SessionExpiredError ? 401 : 'network' };
      }
      setState(next);
      return next;
    },
    [api, method, t],
  );
  return { state, submit, reset: () => setState({ kind: 'idle' }) };
}
