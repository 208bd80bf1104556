import { lazy, Suspense } from 'react';
import type { components } from '../../api/schema';
import type { MessageKey } from '../../i18n/catalogue';
import { useI18n, useT } from '../../i18n/i18n';
import type { ChartDatum } from './kpi-chart';

type Figures = components['schemas']['GolMonitoringFiguresDto'];
type GolKpis = components['schemas']['GolMonitoringKpisDto'];

/** Loaded with the page's other charts (the same lazy chunk), never in the first visit's bundle. */
const KpiBarChart = lazy(() => import('./kpi-chart'));
const ShareChart = lazy(() => import('./kpi-chart').then((m) => ({ default: m.ShareChart })));

const PATHS = ['1', '2', '3', '4', '5'] as const;
/** The API's key for journeys whose office is not in the directory (`NO_REGION` in the read model). */
const NO_REGION = 'unassigned';

/**
 * Issue 15: GOL's monitoring figures from the one `GET /supervisor/kpis` answer (`gol`, `gol.byRegion`,
 * `gol.byOffice`): for the whole scope a sentence saying whether the vulnerable share meets the target, then per region
 * and per office a chart of the share against the target line and one of the people taken in charge, each with the
 * same numbers as a table (the target met or not in words).
 */
export function GolMonitoring({ gol }: { gol: GolKpis }) {
  const t = useT();
  const { locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const target = percent.format(gol.vulnerableTarget);
  // The API keys regions by their lower-case key (`piemonte`): shown with a capital.
  const regionLabel = (key: string) => (key === NO_REGION ? t('sup.kpis.gol.unassigned') : key.charAt(0).toLocaleUpperCase(locale) + key.slice(1));
  return (
    <section aria-labelledby="gol-title" className="mt-4" data-testid="kpi-gol">
      <h2 id="gol-title" className="h4">
        {t('sup.kpis.gol.title')}
      </h2>
      <p className="sal-help">{t('sup.kpis.gol.intro', { target })}</p>
      <p data-testid="gol-summary">
        <strong>{summary(t, percent, t('sup.kpis.gol.overall'), gol, target)}</strong>
      </p>
      <div className="sal-kpi-grid sal-gol-grid">
        <GolGroup id="gol-region" groups={gol.byRegion} label={regionLabel} keyHeader="sup.kpis.gol.region" shareTitle="sup.kpis.gol.shareByRegion" figuresTitle="sup.kpis.gol.figuresByRegion" tableLabel="sup.kpis.gol.tableRegion" target={gol.vulnerableTarget} />
        <GolGroup id="gol-office" groups={gol.byOffice} label={(k) => k} keyHeader="sup.kpis.gol.office" shareTitle="sup.kpis.gol.shareByOffice" figuresTitle="sup.kpis.gol.figuresByOffice" tableLabel="sup.kpis.gol.tableOffice" target={gol.vulnerableTarget} />
      </div>
    </section>
  );
}

function summary(t: ReturnType<typeof useT>, percent: Intl.NumberFormat, scope: string, f: Figures, target: string): string {
  if (f.vulnerableShare === null || f.vulnerableTargetMet === null) return t('sup.kpis.gol.summaryNoData', { scope, target });
  return t('sup.kpis.gol.summary', {
    scope,
    share: percent.format(f.vulnerableShare),
    vulnerable: f.vulnerable,
    withData: f.withMonitoringData,
    target,
    verdict: t(f.vulnerableTargetMet ? 'sup.kpis.gol.met' : 'sup.kpis.gol.notMet'),
  });
}

function verdict(t: ReturnType<typeof useT>, f: Figures): string {
  if (f.vulnerableTargetMet === null) return t('sup.kpis.gol.noShare');
  return t(f.vulnerableTargetMet ? 'sup.kpis.gol.met' : 'sup.kpis.gol.notMet');
}

function GolGroup({
  id,
  groups,
  label,
  keyHeader,
  shareTitle,
  figuresTitle,
  tableLabel,
  target,
}: {
  id: string;
  groups: Record<string, Figures>;
  label: (key: string) => string;
  keyHeader: MessageKey;
  shareTitle: MessageKey;
  figuresTitle: MessageKey;
  tableLabel: MessageKey;
  target: number;
}) {
  const t = useT();
  const { locale } = useI18n();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const targetText = percent.format(target);
  const rows = Object.entries(groups).sort(([a], [b]) => a.localeCompare(b));
  const shares: ChartDatum[] = rows.filter(([, f]) => f.vulnerableShare !== null).map(([k, f]) => ({ label: label(k), value: Math.round((f.vulnerableShare ?? 0) * 1000) / 10 }));
  const taken: ChartDatum[] = rows.map(([k, f]) => ({ label: label(k), value: f.takenInCharge }));
  return (
    <>
      <section aria-labelledby={`${id}-share-title`} className="sal-card" data-testid={`${id}-share`}>
        <h3 id={`${id}-share-title`} className="h5">
          {t(shareTitle)}
        </h3>
        <p className="sal-help">{t('sup.kpis.gol.shareNote', { target: targetText })}</p>
        {shares.length > 0 ? (
          <Suspense fallback={<div className="sal-chart" aria-hidden="true" />}>
            <ShareChart data={shares} target={target * 100} targetLabel={t('sup.kpis.gol.targetLine', { target: targetText })} />
          </Suspense>
        ) : (
          <p>{t('sup.kpis.noData')}</p>
        )}
        <div className="sal-table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-share-title`}>
          <table className="table sal-table sal-kpi-table">
            <caption>{t(shareTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(keyHeader)}</th>
                <th scope="col">{t('sup.kpis.gol.withData')}</th>
                <th scope="col">{t('sup.kpis.gol.vulnerable')}</th>
                <th scope="col">{t('sup.kpis.gol.share')}</th>
                <th scope="col">{t('sup.kpis.gol.target', { target: targetText })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([k, f]) => (
                <tr key={k}>
                  <th scope="row">{label(k)}</th>
                  <td>{number.format(f.withMonitoringData)}</td>
                  <td>{number.format(f.vulnerable)}</td>
                  <td>{f.vulnerableShare === null ? '–' : percent.format(f.vulnerableShare)}</td>
                  <td>{verdict(t, f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby={`${id}-figures-title`} className="sal-card" data-testid={`${id}-figures`}>
        <h3 id={`${id}-figures-title`} className="h5">
          {t(figuresTitle)}
        </h3>
        <p className="sal-help">{t('sup.kpis.gol.figuresNote')}</p>
        {taken.some((d) => d.value > 0) ? (
          <Suspense fallback={<div className="sal-chart" aria-hidden="true" />}>
            <KpiBarChart data={taken} />
          </Suspense>
        ) : (
          <p>{t('sup.kpis.noData')}</p>
        )}
        <div className="sal-table-scroll" tabIndex={0} role="region" aria-label={t(tableLabel)}>
          <table className="table sal-table sal-kpi-table">
            <caption>{t(figuresTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(keyHeader)}</th>
                <th scope="col">{t('sup.kpis.gol.takenInCharge')}</th>
                {PATHS.map((p) => (
                  <th scope="col" key={p}>
                    <abbr title={t('sup.kpis.pathN', { path: p })}>{t('sup.kpis.gol.pathShort', { path: p })}</abbr>
                  </th>
                ))}
                <th scope="col">{t('sup.kpis.gol.inTraining')}</th>
                <th scope="col">{t('sup.kpis.gol.placed')}</th>
                <th scope="col">{t('sup.kpis.gol.didToPact')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([k, f]) => (
                <tr key={k}>
                  <th scope="row">{label(k)}</th>
                  <td>{number.format(f.takenInCharge)}</td>
                  {PATHS.map((p) => (
                    <td key={p}>{number.format(f.takenInChargeByPath[p])}</td>
                  ))}
                  <td>{number.format(f.inTraining)}</td>
                  <td>{number.format(f.placed)}</td>
                  <td>{f.medianDaysDidToPact === null ? '–' : number.format(f.medianDaysDidToPact)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
