import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Form } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import { fieldMessages } from '../../api/client';
import { TextInput } from '../../components/fields';
import { isoDayOf, typedDayOf } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import type { MessageKey } from '../../i18n/catalogue';
import { useI18n, useT } from '../../i18n/i18n';
import { GolMonitoring } from './gol-monitoring';
import type { ChartDatum } from './kpi-chart';
import { compact, OfficeChooser, SupervisorGate, text, useOfficeScope, type ScreenSearch } from './scope';

/** recharts is loaded only when a chart is first drawn: the console's first visit stays within its budget. */
const KpiBarChart = lazy(() => import('./kpi-chart'));

const STAGE_ORDER = ['assessment', 'awaiting_intake', 'awaiting_pact', 'pact_active', 'suspended', 'closed'] as const;
const SERVICE_ORDER = ['reception', 'second_level_interview', 'path_definition', 'skills_assessment', 'tutoring', 'job_search'] as const;
const GOL_PATHS = ['1', '2', '3', '4', '5'] as const;

/**
 * The offices' figures over a period (`GET /supervisor/kpis`, one call): journeys per stage, time from the presa in
 * carico to the pact, placements, hours of services delivered, each as a chart and, for screen readers, as a table of
 * the same numbers; then GOL's monitoring per region and per office from the same answer (`gol-monitoring.tsx`).
 */
export function KpisPage() {
  usePageTitle('sup.kpis.title');
  const t = useT();
  const { locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const search = useSearch({ from: '/supervisor/kpis' });
  const { offices, choices, ready } = useOfficeScope(search);
  const from = text(search, 'from');
  const to = text(search, 'to');
  const kpis = useQuery({
    queryKey: ['supervisor', 'kpis', offices, from, to],
    enabled: ready && offices.length > 0,
    retry: false,
    queryFn: async () => {
      const { data, error } = await api.GET('/supervisor/kpis', { params: { query: { officeId: offices, ...(from ? { from } : {}), ...(to ? { to } : {}) } } });
      if (error) throw error;
      return data;
    },
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const k = kpis.data;
  const problems = kpis.isError ? fieldMessages(kpis.error, t) : {};

  return (
    <>
      <p>
        <Link to="/supervisor" search={compact({ office: search.office })}>
          {t('sup.back')}
        </Link>
      </p>
      <h1>{t('sup.kpis.title')}</h1>
      <p>{t('sup.kpis.intro')}</p>
      <SupervisorGate offices={offices} ready={ready}>
        <section aria-labelledby="period-title" className="sal-card">
          <h2 id="period-title" className="h5">
            {t('sup.kpis.period')}
          </h2>
          <PeriodForm key={JSON.stringify(search)} search={search} choices={choices} problems={problems} onApply={(next) => void navigate({ to: '.', search: compact(next) as never })} />
        </section>
        {kpis.isError && Object.keys(problems).length === 0 && (
          <div className="alert alert-danger mt-3" role="alert">
            {t('sup.failed')}
          </div>
        )}
        {kpis.isPending && <p role="status">{t('app.loading')}</p>}
        {k && (
          <div className="sal-kpi-grid mt-4">
            <Figure
              id="kpi-stages"
              title="sup.kpis.stages"
              note="sup.kpis.stagesNote"
              column="sup.kpis.journeys"
              data={STAGE_ORDER.map((s) => ({ label: t(`stage.${s}`), value: k.journeysByStage[s] }))}
              format={number.format}
            />
            <section aria-labelledby="kpi-pact-title" className="sal-card">
              <h2 id="kpi-pact-title" className="h5">
                {t('sup.kpis.intakeToPact')}
              </h2>
              <p className="sal-help">{t('sup.kpis.intakeToPactNote')}</p>
              <table className="table sal-table" data-testid="kpi-pact">
                <caption>{t('sup.kpis.intakeToPact')}</caption>
                <tbody>
                  <tr>
                    <th scope="row">{t('sup.kpis.medianDays')}</th>
                    <td>{k.medianDaysIntakeToPact === null ? '–' : number.format(k.medianDaysIntakeToPact)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('sup.kpis.pactsInForce')}</th>
                    <td>{number.format(k.pactsInForce)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('sup.kpis.medianDaysDid')}</th>
                    <td>{k.gol.medianDaysDidToPact === null ? '–' : number.format(k.gol.medianDaysDidToPact)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
            <Figure
              id="kpi-placements"
              title="sup.kpis.placements"
              note="sup.kpis.placementsNote"
              column="sup.kpis.placementsCount"
              rowHeader="sup.kpis.programme"
              data={Object.entries(k.placementsByProgramme)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([code, value]) => ({ label: code, value }))}
              format={number.format}
              total={k.placements}
            />
            <Figure
              id="kpi-paths"
              title="sup.kpis.golPaths"
              note="sup.kpis.golPathsNote"
              column="sup.kpis.journeys"
              rowHeader="sup.kpis.path"
              data={GOL_PATHS.map((p) => ({ label: t('sup.kpis.pathN', { path: p }), value: k.gol.takenInChargeByPath[p] }))}
              format={number.format}
            />
            <Figure
              id="kpi-hours"
              title="sup.kpis.hours"
              note="sup.kpis.hoursNote"
              column="sup.kpis.hoursCount"
              rowHeader="sup.service"
              data={SERVICE_ORDER.map((s) => ({ label: t(`service.${s}`), value: k.serviceHours[s] }))}
              format={number.format}
            />
          </div>
        )}
        {k && <GolMonitoring gol={k.gol} />}
      </SupervisorGate>
    </>
  );
}

/** A chart and, under it, the same numbers as a table (caption, headers with scope). */
function Figure({
  id,
  title,
  note,
  column,
  rowHeader = 'sup.kpis.what',
  data,
  format,
  total,
}: {
  id: string;
  title: MessageKey;
  note: MessageKey;
  column: MessageKey;
  rowHeader?: MessageKey;
  data: ChartDatum[];
  format: (n: number) => string;
  total?: number;
}) {
  const t = useT();
  return (
    <section aria-labelledby={`${id}-title`} className="sal-card" data-testid={id}>
      <h2 id={`${id}-title`} className="h5">
        {t(title)}
      </h2>
      <p className="sal-help">{t(note)}</p>
      {data.some((d) => d.value > 0) ? (
        <Suspense fallback={<div className="sal-chart" aria-hidden="true" />}>
          <KpiBarChart data={data} />
        </Suspense>
      ) : (
        <p>{t('sup.kpis.noData')}</p>
      )}
      <table className="table sal-table sal-kpi-table">
        <caption>{t(title)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(rowHeader)}</th>
            <th scope="col">{t(column)}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
        {total !== undefined && (
          <tfoot>
            <tr>
              <th scope="row">{t('sup.kpis.total')}</th>
              <td>{format(total)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}

function PeriodForm({ search, choices, problems, onApply }: { search: ScreenSearch; choices: string[]; problems: Record<string, string[]>; onApply(next: ScreenSearch): void }) {
  const t = useT();
  // The period as people type it (31/03/2026), sent as the API's YYYY-MM-DD (kept so in the address: no personal data).
  const [values, setValues] = useState({ office: text(search, 'office'), from: typedDayOf(text(search, 'from')), to: typedDayOf(text(search, 'to')) });
  return (
    <Form
      className="sal-filter-grid sal-sup-filters"
      validationErrors={problems}
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...values, from: isoDayOf(values.from.trim()), to: isoDayOf(values.to.trim()) });
      }}
    >
      <OfficeChooser value={values.office} choices={choices} onChange={(office) => setValues((v) => ({ ...v, office }))} />
      <TextInput name="from" label={t('sup.kpis.from')} help={t('sup.kpis.dayHelp')} value={values.from} onChange={(from) => setValues((v) => ({ ...v, from }))} autoComplete="off" />
      <TextInput name="to" label={t('sup.kpis.to')} help={t('sup.kpis.dayHelp')} value={values.to} onChange={(to) => setValues((v) => ({ ...v, to }))} autoComplete="off" />
      <div className="sal-buttons">
        <Button type="submit" className="btn btn-primary">
          {t('cases.apply')}
        </Button>
      </div>
    </Form>
  );
}
