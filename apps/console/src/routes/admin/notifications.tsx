import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Form } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import { fieldMessages } from '../../api/client';
import type { components } from '../../api/schema';
import { LoadFailed, Paging, RequireAdministrator } from '../../components/admin';
import { ApiAnswerError, apiErrorOf, apiErrorOfThrown, ApiErrorNotice, type ApiErrorDetail } from '../../components/api-error';
import { Choice, TextInput } from '../../components/fields';
import { useFormat } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n';

type Message = components['schemas']['NotificationDto'];
type Status = Message['status'];
const STATUSES: readonly Status[] = ['failed', 'undeliverable', 'pending', 'sending', 'sent'];
const PAGE_SIZE = 20;

/** Notifications that need someone to look (failed ones first), with every delivery attempt and a retry; and the journeys whose side effects are behind. */
export function NotificationsAdminPage() {
  usePageTitle('notifications.title');
  return (
    <RequireAdministrator>
      <h1>{useT()('notifications.title')}</h1>
      <Messages />
      <SideEffectFailures />
    </RequireAdministrator>
  );
}

function Messages() {
  const t = useT();
  const api = useApi();
  const [status, setStatus] = useState<string>('failed');
  const [draftStatus, setDraftStatus] = useState<string>('failed');
  const [officeId, setOfficeId] = useState('');
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [retried, setRetried] = useState(false);
  const query = { page, pageSize: PAGE_SIZE, ...(status ? { status: status as Status } : {}), ...(officeId ? { officeId } : {}) };
  const messages = useQuery({
    queryKey: ['notifications', query],
    queryFn: async () => {
      const { data, error } = await api.GET('/notifications', { params: { query } });
      if (error) {
        setErrors(fieldMessages(error, t));
        throw error;
      }
      setErrors({});
      return data;
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title" className="h4">
        {t('notifications.messages')}
      </h2>
      <div className="sal-card sal-filters">
        <Form
          className="sal-filter-grid sal-admin-filters"
          validationErrors={errors}
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            setOfficeId(String(new FormData(event.currentTarget).get('officeId') ?? '').trim());
            setStatus(draftStatus);
            setPage(1);
            setRetried(false);
          }}
        >
          <Choice
            label={t('notifications.status')}
            value={draftStatus}
            onChange={setDraftStatus}
            options={[['', t('notifications.anyStatus')], ...STATUSES.map((s): [string, string] => [s, t(`notifications.status.${s}`)])]}
          />
          <TextInput name="officeId" label={t('notifications.office')} help={t('notifications.officeHelp')} autoComplete="off" />
          <div className="sal-buttons">
            <Button type="submit" className="btn btn-primary">
              {t('admin.apply')}
            </Button>
          </div>
        </Form>
      </div>
      <h3 className="h5 mt-3" aria-live="polite">
        {messages.data ? t('notifications.results', { total: messages.data.total }) : messages.isError ? t('admin.loadFailed') : t('app.loading')}
      </h3>
      {retried && (
        <div className="alert alert-success" role="status">
          {t('notifications.retried')}
        </div>
      )}
      {messages.isError && Object.keys(errors).length === 0 && <LoadFailed />}
      {messages.data && messages.data.items.length === 0 && <p>{t('notifications.none')}</p>}
      {messages.data && (
        <ul className="sal-admin-cards">
          {messages.data.items.map((m) => (
            <MessageCard key={m.id} message={m} onRetried={() => setRetried(true)} />
          ))}
        </ul>
      )}
      {messages.data && <Paging page={page} pageSize={PAGE_SIZE} total={messages.data.total} onPage={setPage} />}
    </section>
  );
}

function MessageCard({ message: m, onRetried }: { message: Message; onRetried(): void }) {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const queries = useQueryClient();
  const retry = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST('/notifications/{id}/retry', { params: { path: { id: m.id } } });
      if (error) throw new ApiAnswerError(apiErrorOf(error));
      return data;
    },
    onSuccess: async () => {
      onRetried();
      await queries.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  const titleId = `message-${m.id}`;
  return (
    <li className="sal-card sal-admin-card" aria-labelledby={titleId} data-testid="notification">
      <h4 id={titleId} className="h6">
        {t('notifications.message', { kind: t(`notice.${m.kind}`), audience: t(`audience.${m.audience}`) })} · <span className={`badge ${m.status === 'failed' || m.status === 'undeliverable' ? 'sal-badge-danger' : 'sal-badge-neutral'}`}>{t(`notifications.status.${m.status}`)}</span>
      </h4>
      <dl className="sal-facts">
        <dt>{t('notifications.journey')}</dt>
        <dd>
          <Link to="/journeys/$journeyId" params={{ journeyId: m.journeyId }}>
            <code>{m.journeyId}</code>
          </Link>{' '}
          · {m.officeId}
        </dd>
        <dt>{t('notifications.recipient')}</dt>
        <dd>
          <code>{m.recipientRef}</code>
        </dd>
        <dt>{t('notifications.address')}</dt>
        <dd>{m.toAddress ?? '–'}</dd>
        <dt>{t('notifications.created')}</dt>
        <dd>{format.instant(m.createdAt)}</dd>
        <dt>{t('notifications.attemptsCount')}</dt>
        <dd>{m.attempts}</dd>
        {m.lastError && (
          <>
            <dt>{t('notifications.lastError')}</dt>
            <dd>
              <code>{m.lastError}</code>
            </dd>
          </>
        )}
        {m.nextAttemptAt && (
          <>
            <dt>{t('notifications.nextAttempt')}</dt>
            <dd>{format.instant(m.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      <h5 className="h6">{t('notifications.attempts')}</h5>
      {m.deliveryAttempts.length === 0 ? (
        <p>{t('notifications.noAttempts')}</p>
      ) : (
        <ol className="sal-attempts">
          {m.deliveryAttempts.map((a, index) => (
            <li key={index}>
              {format.instant(a.attemptedAt)} — {t(`notifications.attempt.${a.outcome}`)}
              {a.error && (
                <>
                  : <code>{a.error}</code>
                </>
              )}
              {a.smtpResponse && (
                <>
                  {' '}
                  (<code>{a.smtpResponse}</code>)
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {retry.isError && <ApiErrorNotice error={apiErrorOfThrown(retry.error)} lead={t('notifications.retryFailed')} />}
      {m.status === 'failed' && (
        <Button className="btn btn-primary btn-sm" isDisabled={retry.isPending} onPress={() => retry.mutate()}>
          {t('notifications.retry')}
        </Button>
      )}
    </li>
  );
}

/** `GET /supervisor/side-effect-failures` for the offices asked (the API requires them), and a retry per journey. */
function SideEffectFailures() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const [offices, setOffices] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [retried, setRetried] = useState<{ journeyId: string; error: ApiErrorDetail | null } | null>(null);
  const failures = useQuery({
    queryKey: ['side-effect-failures', offices, page],
    enabled: offices.length > 0,
    queryFn: async () => {
      const { data, error } = await api.GET('/supervisor/side-effect-failures', { params: { query: { officeId: offices, page, pageSize: PAGE_SIZE } } });
      if (error) {
        setErrors(fieldMessages(error, t));
        throw error;
      }
      setErrors({});
      return data;
    },
    retry: false,
  });
  async function retry(journeyId: string) {
    const { error } = await api.POST('/journeys/{journeyId}/side-effects/retry', { params: { path: { journeyId } } });
    setRetried({ journeyId, error: error ? apiErrorOf(error) : null });
  }
  return (
    <section aria-labelledby="side-effects-title" className="mt-5">
      <h2 id="side-effects-title" className="h4">
        {t('sideEffects.title')}
      </h2>
      <p>{t('sideEffects.intro')}</p>
      <div className="sal-card sal-filters">
        <Form
          className="sal-search"
          validationErrors={errors}
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            const text = String(new FormData(event.currentTarget).get('officeId') ?? '');
            setOffices(
              text
                .split(',')
                .map((o) => o.trim())
                .filter(Boolean),
            );
            setPage(1);
          }}
        >
          <TextInput name="officeId" label={t('sideEffects.offices')} help={t('sideEffects.officesHelp')} isRequired autoComplete="off" />
          <Button type="submit" className="btn btn-primary">
            {t('sideEffects.search')}
          </Button>
        </Form>
      </div>
      {retried &&
        (retried.error === null ? (
          <div className="alert alert-success mt-3" role="status">
            {t('sideEffects.retried', { journeyId: retried.journeyId })}
          </div>
        ) : (
          <ApiErrorNotice className="mt-3" error={retried.error} lead={t('sideEffects.retryFailed')} />
        ))}
      {failures.isError && Object.keys(errors).length === 0 && <LoadFailed />}
      {failures.data && (
        <>
          <h3 className="h5 mt-3" aria-live="polite">
            {t('sideEffects.results', { total: failures.data.total })}
          </h3>
          {failures.data.items.length === 0 && <p>{t('sideEffects.none')}</p>}
          {failures.data.items.length > 0 && (
            <div className="sal-table-scroll" tabIndex={0} role="region" aria-label={t('sideEffects.listLabel')}>
              <table className="table sal-table">
                <thead>
                  <tr>
                    <th scope="col">{t('sideEffects.col.journey')}</th>
                    <th scope="col">{t('sideEffects.col.office')}</th>
                    <th scope="col">{t('sideEffects.col.stream')}</th>
                    <th scope="col">{t('sideEffects.col.error')}</th>
                    <th scope="col">{t('sideEffects.col.attempts')}</th>
                    <th scope="col">{t('sideEffects.col.last')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failures.data.items.map((f) => (
                    <tr key={`${f.journeyId}:${f.stream}`}>
                      <td>
                        <Link to="/journeys/$journeyId" params={{ journeyId: f.journeyId }}>
                          <code>{f.journeyId}</code>
                        </Link>
                      </td>
                      <td>{f.officeId}</td>
                      <td>{t(`sideEffects.stream.${f.stream}`)}</td>
                      <td>
                        <code>{f.type}</code>: {f.error}
                      </td>
                      <td>{f.attempts}</td>
                      <td>{format.instant(f.lastFailedAt)}</td>
                      <td>
                        <Button className="btn btn-outline-primary btn-sm" aria-label={t('sideEffects.retryLabel', { journeyId: f.journeyId })} onPress={() => void retry(f.journeyId)}>
                          {t('sideEffects.retry')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Paging page={page} pageSize={PAGE_SIZE} total={failures.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
