import { useState, type ReactNode } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Button, Form } from 'react-aria-components';
import { fieldMessages } from '../../api/client';
import { Choice, TextInput } from '../../components/fields';
import { LongTable, useLongList, type ListPage } from '../../components/long-list';
import { usePageTitle } from '../../components/page-title';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/i18n';
import { compact, ExportCsvButton, OfficeChooser, SupervisorGate, text, useOfficeScope, type ScreenSearch } from './scope';

/** A filter of a list: a choice among the API's values, or a number or a text the API validates. */
export type FilterSpec =
  | { name: string; label: MessageKey; kind: 'choice'; options: [string, string][] }
  | { name: string; label: MessageKey; kind: 'number' | 'text'; help?: MessageKey };

export type { ListPage };

/** What the API answered: a page, or the error envelope. */
export type PageAnswer<T> = Promise<{ data?: ListPage<T>; error?: unknown }>;

interface ListScreenProps<T> {
  title: MessageKey;
  intro: MessageKey;
  search: ScreenSearch;
  filters: FilterSpec[];
  /** The API route, for the CSV export. */
  path: string;
  /** The API's query from the URL's (the filters as they are, unless a screen computes some, like the agenda's days). */
  apiQuery?: (search: ScreenSearch) => Record<string, string | number | undefined>;
  fetchPage: (offices: string[], query: Record<string, string | number | undefined>) => PageAnswer<T>;
  /** The header row's cells, and how many. */
  head: ReactNode;
  columns: number;
  /** A row's cells. */
  row: (item: T) => ReactNode;
  rowKey: (item: T) => string;
  /** Above the filters: a screen's own controls (the agenda's day and week). */
  toolbar?: ReactNode;
  testId: string;
}

/**
 * A supervisors' list: office scope, filters and sort in the URL (office ids and filter values only), the whole
 * filtered set as one long list (rows rendered near the viewport only, an API call per page the view reaches:
 * components/long-list), and "Export CSV" of the whole filtered set.
 */
export function ListScreen<T>({ title, intro, search, filters, path, apiQuery, fetchPage, head, columns, row, rowKey, toolbar, testId }: ListScreenProps<T>) {
  usePageTitle(title);
  const t = useT();
  const navigate = useNavigate();
  const { offices, choices, ready } = useOfficeScope(search);
  const filterQuery = apiQuery ? apiQuery(search) : Object.fromEntries(filters.map((f) => [f.name, search[f.name]]).filter(([, v]) => v !== undefined && v !== ''));
  const list = useLongList<T>({
    key: ['supervisor', path, offices, filterQuery],
    enabled: ready && offices.length > 0,
    fetchPage: async (page, pageSize) => {
      const { data, error } = await fetchPage(offices, { ...filterQuery, page, pageSize });
      if (error || !data) throw error ?? new Error(`${path}: no answer`);
      return data;
    },
  });
  const go = (next: ScreenSearch) => void navigate({ to: '.', search: compact(next) as never });
  const total = list.total;
  const problems = list.isError ? fieldMessages(list.error, t) : {};

  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(intro)}</p>
      <SupervisorGate offices={offices} ready={ready}>
        {toolbar}
        <section aria-labelledby="filters-title" className="sal-card sal-filters">
          <h2 id="filters-title" className="h5">
            {t('cases.filters')}
          </h2>
          <FiltersForm
            key={JSON.stringify(search)}
            search={search}
            filters={filters}
            choices={choices}
            problems={problems}
            onApply={(next) => go({ ...search, ...next, page: undefined })}
            onReset={() => go({ view: search.view, day: search.day })}
          />
        </section>
        <section aria-labelledby="results-title" className="mt-4" data-testid={testId}>
          <div className="sal-results-head">
            <h2 id="results-title" className="h5" aria-live="polite">
              {total !== undefined ? t('sup.results', { total }) : list.isError ? t('sup.failed') : t('app.loading')}
            </h2>
            {total !== undefined && total > 0 && <ExportCsvButton path={path} offices={offices} query={filterQuery} />}
          </div>
          {list.isError && Object.keys(problems).length === 0 && (
            <div className="alert alert-danger" role="alert">
              {t('sup.failed')}
            </div>
          )}
          {total === 0 && <p>{t('sup.none')}</p>}
          {total !== undefined && total > 0 && <LongTable list={list} label={t(title)} head={head} columns={columns} row={row} rowKey={rowKey} />}
        </section>
      </SupervisorGate>
    </>
  );
}

function FiltersForm({
  search,
  filters,
  choices,
  problems,
  onApply,
  onReset,
}: {
  search: ScreenSearch;
  filters: FilterSpec[];
  choices: string[];
  problems: Record<string, string[]>;
  onApply(next: ScreenSearch): void;
  onReset(): void;
}) {
  const t = useT();
  // A choice without "any" (the sort) shows the API's default, its first value, until another is chosen.
  const initial = (f: FilterSpec) => text(search, f.name) || (f.kind === 'choice' && !f.options.some(([key]) => key === '') ? (f.options[0]?.[0] ?? '') : '');
  const [values, setValues] = useState<Record<string, string>>(() => ({ office: text(search, 'office'), ...Object.fromEntries(filters.map((f) => [f.name, initial(f)])) }));
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <Form
      className="sal-filter-grid sal-sup-filters"
      validationErrors={problems}
      onSubmit={(event) => {
        event.preventDefault();
        const next: ScreenSearch = {};
        for (const [name, value] of Object.entries(values)) {
          const spec = filters.find((f) => f.name === name);
          next[name] = value === '' ? undefined : spec?.kind === 'number' && /^\d+$/.test(value) ? Number(value) : value;
        }
        onApply(next);
      }}
    >
      <OfficeChooser value={values.office} choices={choices} onChange={(v) => set('office', v)} />
      {filters.map((f) =>
        f.kind === 'choice' ? (
          <Choice key={f.name} name={f.name} label={t(f.label)} value={values[f.name]} onChange={(v) => set(f.name, v)} options={f.options} />
        ) : (
          <TextInput
            key={f.name}
            name={f.name}
            label={t(f.label)}
            help={f.help ? t(f.help) : undefined}
            value={values[f.name]}
            onChange={(v) => set(f.name, v)}
            inputMode={f.kind === 'number' ? 'numeric' : undefined}
            autoComplete="off"
          />
        ),
      )}
      <div className="sal-buttons">
        <Button type="submit" className="btn btn-primary">
          {t('cases.apply')}
        </Button>
        <Button className="btn btn-outline-primary" onPress={onReset}>
          {t('cases.reset')}
        </Button>
      </div>
    </Form>
  );
}
