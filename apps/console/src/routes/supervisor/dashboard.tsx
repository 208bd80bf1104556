import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useApi } from '../../api/api-context';
import type { components } from '../../api/schema';
import { useFormat } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/i18n';
import { STALL_REASONS } from './lists';
import { compact, OfficeChooser, romeToday, SupervisorGate, text, useOfficeScope } from './scope';

/** The stall reasons with a tile of their own in the "stalled cases" group (first contacts missed has its own tile). */
const STALL_TILES = STALL_REASONS.filter((reason) => reason !== 'first_contact_missed');

/**
 * The supervisors' dashboard: two calls — the offices' figures (`GET /supervisor/kpis`) and today's appointments (the
 * agenda's total) — and a tile per figure, each a link to the filtered list behind it.
 */
export function SupervisorDashboardPage() {
  usePageTitle('sup.dashboard.title');
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const search = useSearch({ from: '/supervisor' });
  const { offices, choices, ready } = useOfficeScope(search);
  const office = text(search, 'office') || undefined;
  const today = romeToday();
  const enabled = ready && offices.length > 0;
  const kpis = useQuery({
    queryKey: ['supervisor', 'kpis', offices],
    enabled,
    queryFn: async () => {
      const { data, error } = await api.GET('/supervisor/kpis', { params: { query: { officeId: offices } } });
      if (error) throw error;
      return data;
    },
  });
  const appointments = useQuery({
    queryKey: ['supervisor', 'appointments-today', offices, today],
    enabled,
    queryFn: async () => {
      const { data, error } = await api.GET('/supervisor/appointments', { params: { query: { officeId: offices, from: today, to: today, status: 'scheduled', pageSize: 1 } } });
      if (error) throw error;
      // Asked without `Accept: text/csv`: the JSON page.
      return data as components['schemas']['AppointmentPageDto'];
    },
  });
  const k = kpis.data;
  const scope = { office };

  return (
    <>
      <h1>{t('sup.dashboard.title')}</h1>
      <p>{t('sup.dashboard.intro')}</p>
      <SupervisorGate offices={offices} ready={ready}>
        <div className="sal-sup-scope">
          <OfficeChooser value={office ?? ''} choices={choices} onChange={(v) => void navigate({ to: '.', search: compact({ office: v }) as never })} />
        </div>
        {(kpis.isError || appointments.isError) && (
          <div className="alert alert-danger" role="alert">
            {t('sup.failed')}
          </div>
        )}
        <section aria-labelledby="stalled-title" className="mt-3">
          <h2 id="stalled-title" className="h4">
            {t('sup.tiles.stalled')}
            {k && <span className="sal-tile-total"> · {t('sup.tiles.stalledTotal', { count: k.stalledJourneys })}</span>}
          </h2>
          <ul className="sal-tiles sal-kpi-tiles">
            {STALL_TILES.map((reason) => (
              <Tile key={reason} label={`stall.${reason}` as MessageKey} value={k?.stalledByReason[reason]} testId={`tile-${reason}`}>
                {(content) => (
                  <Link to="/supervisor/stalled" search={compact({ ...scope, reason })}>
                    {content}
                  </Link>
                )}
              </Tile>
            ))}
          </ul>
        </section>
        <section aria-labelledby="attention-title" className="mt-4">
          <h2 id="attention-title" className="h4">
            {t('sup.tiles.attention')}
          </h2>
          <ul className="sal-tiles sal-kpi-tiles">
            <Tile label="sup.tiles.overdue" value={k?.overdueActions} testId="tile-overdue">
              {(content) => (
                <Link to="/supervisor/overdue" search={compact(scope)}>
                  {content}
                </Link>
              )}
            </Tile>
            <Tile label="sup.tiles.steps" value={k?.proposedSteps} testId="tile-steps">
              {(content) => (
                <Link to="/supervisor/steps" search={compact({ ...scope, status: 'proposed' })}>
                  {content}
                </Link>
              )}
            </Tile>
            <Tile label="sup.tiles.firstContact" value={k?.stalledByReason.first_contact_missed} testId="tile-first_contact_missed">
              {(content) => (
                <Link to="/supervisor/stalled" search={compact({ ...scope, reason: 'first_contact_missed' })}>
                  {content}
                </Link>
              )}
            </Tile>
            <Tile label="sup.tiles.appointmentsToday" value={appointments.data?.total} testId="tile-appointments">
              {(content) => (
                <Link to="/supervisor/agenda" search={compact({ ...scope, view: 'day', status: 'scheduled' })}>
                  {content}
                </Link>
              )}
            </Tile>
          </ul>
        </section>
        <p className="mt-4">
          <Link to="/supervisor/kpis" search={compact(scope)} className="btn btn-primary">
            {t('sup.kpis.open')}
          </Link>
        </p>
      </SupervisorGate>
    </>
  );
}

/** A figure and what it counts, the whole tile one link (its text: the number, then the label). */
function Tile({ label, value, testId, children }: { label: MessageKey; value: number | undefined; testId: string; children: (content: ReactNode) => ReactNode }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="sal-card sal-tile sal-kpi-tile" data-testid={testId}>
      {children(
        <>
          <span className="sal-kpi-value">{value === undefined ? '…' : format.number(value)}</span>{' '}
          <span className="sal-kpi-label">{t(label)}</span>
        </>,
      )}
    </li>
  );
}
