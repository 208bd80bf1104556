import type { ReactNode } from 'react';
import type { ApiErrorBody } from '../api/client';
import { isMessageKey } from '../i18n/catalogue';
import { useT, type Translate } from '../i18n/i18n';

/** What the console keeps of an API error: its stable code and the API's own message (English, for support). */
export type ApiErrorDetail = Pick<ApiErrorBody['error'], 'code' | 'message'>;

/** The error of an API answer (its envelope); without one (an answer that is not the API's), no code and no message. */
export function apiErrorOf(error: unknown): ApiErrorDetail {
  const body = (error as ApiErrorBody | undefined)?.error;
  return body && typeof body.code === 'string' ? { code: body.code, message: typeof body.message === 'string' ? body.message : '' } : { code: '', message: '' };
}

/**
 * The error in the user's language: the catalogue's phrase for its code (`error.<CODE>`, i18n/error-messages.ts), else
 * (a code added to the API later) the API's own message; `phrased` tells which.
 */
export function errorPhrase(error: ApiErrorDetail, t: Translate): { text: string; phrased: boolean } {
  const key = `error.${error.code}`;
  if (error.code && isMessageKey(key)) return { text: t(key), phrased: true };
  return { text: error.message || t('error.INTERNAL'), phrased: false };
}

/**
 * An API error as the user reads it: `lead` (what did not happen), the phrase of its code in the user's language, the
 * code itself, and the API's own message under "Technical details" for support (when the phrase stood in for it).
 */
export function ApiErrorNotice({ error, lead, testId, className, children }: { error: ApiErrorDetail; lead?: string; testId?: string; className?: string; children?: ReactNode }) {
  const t = useT();
  const { text, phrased } = errorPhrase(error, t);
  return (
    <div className={`alert alert-danger${className ? ` ${className}` : ''}`} role="alert" data-testid={testId}>
      <p className="mb-0">
        {lead && <strong>{lead} </strong>}
        {text}
      </p>
      {children}
      {error.code && <p className="mb-0 sal-help">{t('journey.refusalCode', { code: error.code })}</p>}
      {phrased && error.message && (
        <details className="sal-help">
          <summary>{t('error.details')}</summary>
          <p className="mb-0">
            {t('error.apiMessage')}: <span lang="en">{error.message}</span>
          </p>
        </details>
      )}
    </div>
  );
}

/** An API error answer thrown out of a query or mutation, keeping its code and message for {@link ApiErrorNotice}. */
export class ApiAnswerError extends Error {
  constructor(readonly detail: ApiErrorDetail) {
    super(detail.message || detail.code);
  }
}

/** The API error behind a thrown error: an {@link ApiAnswerError}'s, else none (a network failure: no code, no message). */
export function apiErrorOfThrown(error: unknown): ApiErrorDetail {
  return error instanceof ApiAnswerError ? error.detail : { code: '', message: '' };
}
