import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Checkbox, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useApi } from '../api/api-context';
import { fieldMessages, type ApiErrorBody } from '../api/client';
import type { components, operations } from '../api/schema';
import { ApiFieldErrors, Choice, TextInput } from '../components/fields';
import { useFormat } from '../components/format';
import { LongTable, useLongList } from '../components/long-list';
import { usePageTitle } from '../components/page-title';
import { deleteSavedFilter, readSavedFilters, saveFilter, type SavedFilter } from '../components/saved-filters';
import type { MessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

type ListQuery = NonNullable<operations['JourneysController_list']['parameters']['query']>;
type Summary = components['schemas']['JourneySummaryDto'];
type PersonJourneys = components['schemas']['PersonJourneysDto'];

export const STAGES = ['assessment', 'awaiting_intake', 'awaiting_pact', 'pact_active', 'suspended', 'closed'] as const;
const SORTS = ['newest', 'oldest', 'next_deadline', 'recently_updated'] as const;

interface CaseFilters {
  scope: 'office' | 'mine';
  officeId: string;
  stage: string;
  programmeCode: string;
  status: 'open' | 'closed' | 'any';
  stalled: boolean;
  overdue: boolean;
  sort: (typeof SORTS)[number];
}

const DEFAULT_FILTERS: CaseFilters = { scope: 'office', officeId: '', stage: '', programmeCode: '', status: 'open', stalled: false, overdue: false, sort: 'next_deadline' };
/** The filter last applied is kept in this browser (no personal data in it), so "My cases" opens as the user left it. */
const FILTER_KEY = 'sal.console.cases.filter';
/** The list's name among the saved filters of this browser (components/saved-filters). */
const SAVED_LIST = 'cases';

function savedFilters(): CaseFilters {
  try {
    // (A filter kept before the list was one long list may still name its page: not a filter, dropped.)
    const { page: _page, ...kept } = JSON.parse(localStorage.getItem(FILTER_KEY) ?? '{}') as Partial<CaseFilters> & { page?: unknown };
    void _page;
    return { ...DEFAULT_FILTERS, ...kept };
  } catch {
    return DEFAULT_FILTERS;
  }
}

/**
 * "My cases": journeys of my offices, filtered and sorted by the API, the whole filtered set as one long list (its
 * rows rendered near the viewport only, its pages fetched as the view reaches them: components/long-list).
 */
export function CasesPage() {
  usePageTitle('cases.title');
  const t = useT();
  const api = useApi();
  const { user } = useSession();
  const [filters, setFilters] = useState<CaseFilters>(savedFilters);
  // A saved filter applied from outside the form gives the form a new key, so it shows that filter's values.
  const [formKey, setFormKey] = useState(0);
  const apply = (next: CaseFilters) => {
    localStorage.setItem(FILTER_KEY, JSON.stringify(next));
    setFilters(next);
  };

  const query: ListQuery = {
    sort: filters.sort,
    ...(filters.scope === 'mine' && user ? { assignedTo: user.sub } : {}),
    ...(filters.officeId ? { officeId: filters.officeId } : {}),
    ...(filters.stage ? { stage: filters.stage as ListQuery['stage'] } : {}),
    ...(filters.programmeCode ? { programmeCode: filters.programmeCode } : {}),
    ...(filters.status !== 'any' ? { status: filters.status } : {}),
    ...(filters.stalled ? { stalled: 'true' as const } : {}),
    ...(filters.overdue ? { overdue: 'true' as const } : {}),
  };
  const journeys = useLongList<Summary>({
    key: ['journeys', query],
    fetchPage: async (page, pageSize) => {
      const { data, error } = await api.GET('/journeys', { params: { query: { ...query, page, pageSize } } });
      if (error) throw error;
      return data;
    },
  });
  const offices = user && !user.offices.includes('*') ? user.offices : [];

  return (
    <>
      <h1>{t('cases.title')}</h1>
      <PersonSearch />
      <section aria-labelledby="filters-title" className="sal-card sal-filters">
        <h2 id="filters-title" className="h5">
          {t('cases.filters')}
        </h2>
        <FiltersForm key={formKey} initial={filters} offices={offices} onApply={apply} onReset={() => apply(DEFAULT_FILTERS)} />
        {user && (
          <SavedFilters
            sub={user.sub}
            current={filters}
            onApply={(saved) => {
              apply({ ...DEFAULT_FILTERS, ...saved });
              setFormKey((k) => k + 1);
            }}
          />
        )}
      </section>
      <section aria-labelledby="results-title" className="mt-4">
        <h2 id="results-title" className="h5" aria-live="polite">
          {journeys.total !== undefined ? t('cases.results', { total: journeys.total }) : journeys.isError ? t('cases.failed') : t('app.loading')}
        </h2>
        {journeys.total === 0 && <p>{t('cases.none')}</p>}
        {journeys.total !== undefined && journeys.total > 0 && <CaseTable list={journeys} />}
      </section>
    </>
  );
}

function FiltersForm({ initial, offices, onApply, onReset }: { initial: CaseFilters; offices: string[]; onApply(f: CaseFilters): void; onReset(): void }) {
  const t = useT();
  const api = useApi();
  const [f, setF] = useState(initial);
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: async () => {
      const { data, error } = await api.GET('/programmes');
      if (error) throw error;
      return data;
    },
    staleTime: 10 * 60_000,
  });
  const programmeCodes = Array.isArray(programmes.data) ? programmes.data.map((p: { code: string }) => p.code) : [];
  const set = <K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) => setF((current) => ({ ...current, [key]: value }));
  return (
    <Form
      className="sal-filter-grid"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(f);
      }}
    >
      <RadioGroup value={f.scope} onChange={(v) => set('scope', v as CaseFilters['scope'])} className="sal-field">
        <Label className="sal-label">{t('cases.scope')}</Label>
        <div className="sal-radios">
          <Radio value="office" className="sal-radio">
            {t('cases.scope.office')}
          </Radio>
          <Radio value="mine" className="sal-radio">
            {t('cases.scope.mine')}
          </Radio>
        </div>
      </RadioGroup>
      {offices.length > 1 && (
        <Choice label={t('cases.office')} value={f.officeId} onChange={(v) => set('officeId', v)} options={[['', t('cases.anyOffice')], ...offices.map((o): [string, string] => [o, o])]} />
      )}
      <Choice label={t('cases.stage')} value={f.stage} onChange={(v) => set('stage', v)} options={[['', t('cases.anyStage')], ...STAGES.map((s): [string, string] => [s, t(`stage.${s}`)])]} />
      <Choice
        label={t('cases.programme')}
        value={f.programmeCode}
        onChange={(v) => set('programmeCode', v)}
        options={[['', t('cases.anyProgramme')], ...programmeCodes.map((c): [string, string] => [c, c])]}
      />
      <Choice
        label={t('cases.status')}
        value={f.status}
        onChange={(v) => set('status', v as CaseFilters['status'])}
        options={[
          ['open', t('cases.status.open')],
          ['closed', t('cases.status.closed')],
          ['any', t('cases.status.any')],
        ]}
      />
      <Choice label={t('cases.sort')} value={f.sort} onChange={(v) => set('sort', v as CaseFilters['sort'])} options={SORTS.map((s): [string, string] => [s, t(`cases.sort.${s}`)])} />
      <div className="sal-checks">
        <Checkbox isSelected={f.stalled} onChange={(v) => set('stalled', v)} className="sal-checkbox">
          {t('cases.stalled')}
        </Checkbox>
        <Checkbox isSelected={f.overdue} onChange={(v) => set('overdue', v)} className="sal-checkbox">
          {t('cases.overdue')}
        </Checkbox>
      </div>
      <div className="sal-buttons">
        <Button type="submit" className="btn btn-primary">
          {t('cases.apply')}
        </Button>
        <Button
          className="btn btn-outline-primary"
          onPress={() => {
            setF(DEFAULT_FILTERS);
            onReset();
          }}
        >
          {t('cases.reset')}
        </Button>
      </div>
    </Form>
  );
}

/** The filters saved under a name (this browser, this user; filters only, no person), applied or deleted with a press. */
function SavedFilters({ sub, current, onApply }: { sub: string; current: CaseFilters; onApply(filters: CaseFilters): void }) {
  const t = useT();
  const [saved, setSaved] = useState<SavedFilter<CaseFilters>[]>(() => readSavedFilters(SAVED_LIST, sub));
  const [name, setName] = useState('');
  return (
    <div className="sal-saved-filters mt-3">
      <h3 id="saved-filters-title" className="h6">
        {t('cases.saved.title')}
      </h3>
      <Form
        className="sal-search"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          setSaved(saveFilter(SAVED_LIST, sub, trimmed, current));
          setName('');
        }}
      >
        <TextInput label={t('cases.saved.name')} help={t('cases.saved.nameHelp')} value={name} onChange={setName} isRequired maxLength={60} autoComplete="off" />
        <Button type="submit" className="btn btn-outline-primary">
          {t('cases.saved.save')}
        </Button>
      </Form>
      {saved.length === 0 ? (
        <p className="mb-0">{t('cases.saved.none')}</p>
      ) : (
        <ul aria-labelledby="saved-filters-title" className="sal-saved-list">
          {saved.map((s) => (
            <li key={s.name}>
              <span>{s.name}</span>{' '}
              <Button className="btn btn-link btn-sm" aria-label={t('cases.saved.applyLabel', { name: s.name })} onPress={() => onApply(s.filters)}>
                {t('cases.saved.apply')}
              </Button>
              <Button className="btn btn-link btn-sm" aria-label={t('cases.saved.deleteLabel', { name: s.name })} onPress={() => setSaved(deleteSavedFilter(SAVED_LIST, sub, s.name))}>
                {t('cases.saved.delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The journeys found, as one long list (components/long-list: the rows near the viewport only, pages as they come into view). */
function CaseTable({ list }: { list: ReturnType<typeof useLongList<Summary>> }) {
  const t = useT();
  const format = useFormat();
  return (
    <LongTable
      list={list}
      label={t('cases.listLabel')}
      columns={6}
      rowKey={(j) => j.journeyId}
      head={
        <>
          <th scope="col">{t('cases.col.person')}</th>
          <th scope="col">{t('cases.col.programme')}</th>
          <th scope="col">{t('cases.col.office')}</th>
          <th scope="col">{t('cases.col.stage')}</th>
          <th scope="col">{t('cases.col.nextDeadline')}</th>
          <th scope="col">{t('cases.col.alerts')}</th>
        </>
      }
      row={(j) => (
        <>
          <td>
            <Link to="/journeys/$journeyId" params={{ journeyId: j.journeyId }}>
              {j.familyName} {j.givenName}
            </Link>
          </td>
          <td>{j.programmeCode}</td>
          <td>{j.officeId}</td>
          <td>{t(`stage.${j.stage}`)}</td>
          <td>{format.instant(j.nextDeadlineAt)}</td>
          <td>
            {j.overdueActionCount > 0 && <span className="badge sal-badge-danger">{t('cases.overdueCount', { count: j.overdueActionCount })}</span>}{' '}
            {j.stalledSince && (
              <span className="badge sal-badge-warning" title={j.stallReasons.map((r) => t(`stall.${r}` as MessageKey)).join(', ')}>
                {t('cases.stalledSince', { date: format.day(j.stalledSince) })}
              </span>
            )}
          </td>
        </>
      )}
    />
  );
}

/** Search by fiscal code: sent in the body of `POST /people/search`, never in a URL. */
function PersonSearch() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failed, setFailed] = useState(false);
  const [found, setFound] = useState<PersonJourneys | null>(null);
  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fiscalCode = String(new FormData(event.currentTarget).get('fiscalCode') ?? '').trim();
    const { data, error } = await api.POST('/people/search', { body: { fiscalCode } });
    if (error) {
      setFailed(true);
      setFound(null);
      setErrors(fieldMessages(error as ApiErrorBody, t));
      return;
    }
    setFailed(false);
    setErrors({});
    setFound(data);
  }
  return (
    <section aria-labelledby="search-title" className="sal-card mb-4">
      <h2 id="search-title" className="h5">
        {t('search.title')}
      </h2>
      <Form onSubmit={(event) => void search(event)} className="sal-search">
        <ApiFieldErrors errors={errors}>
          <TextInput name="fiscalCode" label={t('search.fiscalCode')} help={t('search.fiscalCodeHelp')} isRequired autoComplete="off" />
        </ApiFieldErrors>
        <Button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </Button>
      </Form>
      {failed && (
        <p className="sal-field-error" role="alert">
          {t('search.failed')}
        </p>
      )}
      {found && (
        <div aria-live="polite">
          <h3 className="h6 mt-3">{t('search.results')}</h3>
          {found.journeys.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ul>
              {found.journeys.map((j) => (
                <li key={j.journeyId}>
                  <Link to="/journeys/$journeyId" params={{ journeyId: j.journeyId }}>
                    {j.programmeCode} · {j.officeId} · {t(`stage.${j.stage}`)} · {format.day(j.didDate)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {found.elsewhere.count > 0 && <p>{t('search.elsewhere', { count: found.elsewhere.count })}</p>}
        </div>
      )}
    </section>
  );
}
