import type { ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import type { SubmitState } from '../api/commands';
import { useT } from '../i18n/i18n';
import { ApiErrorNotice } from './api-error';
import { ApiFieldErrors, FieldProblemList } from './fields';

const NO_ERRORS: Record<string, string[]> = {};

/**
 * A command's form: its fields, the API's field messages beside them (through `validationErrors`, by field path) and
 * listed at the top, the journey's refusal with its reason (phrased from its code), and a submit button that a retry reuses.
 */
export function CommandForm({
  id,
  title,
  state,
  onSubmit,
  submitLabel,
  children,
  note,
  disabledReason,
}: {
  id: string;
  title: string;
  state: SubmitState;
  onSubmit(): void;
  submitLabel?: string;
  children: ReactNode;
  note?: ReactNode;
  /** Why the journey would refuse this command now: shown, and the submit disabled. */
  disabledReason?: string;
}) {
  const t = useT();
  const errors = state.kind === 'invalid' ? state.fields : NO_ERRORS;
  return (
    <section className="sal-card sal-command" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h5">
        {title}
      </h3>
      <SubmitMessage state={state} />
      {disabledReason && (
        <p className="alert alert-info" data-testid="disabled-reason">
          {disabledReason}
        </p>
      )}
      {/* aria, not native: the API's messages are shown beside their fields and never block the next submit. */}
      <Form
        validationBehavior="aria"
        className="sal-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <ApiFieldErrors errors={errors}>{children}</ApiFieldErrors>
        {note && <p className="sal-help">{note}</p>}
        <Button type="submit" className="btn btn-primary" isDisabled={state.kind === 'sending' || disabledReason !== undefined}>
          {state.kind === 'sending' ? t('form.sending') : (submitLabel ?? t('form.submit'))}
        </Button>
      </Form>
    </section>
  );
}

/** What became of the last submit, announced to screen readers. */
export function SubmitMessage({ state }: { state: SubmitState }) {
  const t = useT();
  if (state.kind === 'invalid')
    return (
      <div className="alert alert-danger" role="alert">
        <p className="mb-1">{t('form.invalid')}</p>
        <FieldProblemList errors={state.fields} />
      </div>
    );
  if (state.kind === 'refused')
    return (
      // The refusal in the user's language from its code; the API's English message stays under the technical details.
      <ApiErrorNotice error={state} lead={t('form.refused')} testId="refusal" />
    );
  if (state.kind === 'failed')
    return (
      <div className="alert alert-warning" role="alert">
        {t('form.failed', { status: state.status })}
      </div>
    );
  if (state.kind === 'done')
    return (
      <div className="alert alert-success" role="status">
        {t('form.done')}
      </div>
    );
  return null;
}
