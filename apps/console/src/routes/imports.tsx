import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useApi } from '../api/api-context';
import { fieldMessages } from '../api/client';
import type { SignedInUser } from '../auth/types';
import type { components } from '../api/schema';
import { Paging } from '../components/admin';
import { apiErrorOf, ApiErrorNotice, type ApiErrorDetail } from '../components/api-error';
import { useFormat } from '../components/format';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';

type Batch = components['schemas']['ImportBatchDto'];
type Row = components['schemas']['ImportRowDto'];
type RefusalCode = components['schemas']['ImportRefusalCode'];

/** The catalogue's key of each refusal code the API lists: a code added to the API is a type error here until phrased. */
const REFUSAL_KEYS: { [C in RefusalCode]: `imports.refusal.${C}` } = {
  invalid_fiscal_code: 'imports.refusal.invalid_fiscal_code',
  invalid_field: 'imports.refusal.invalid_field',
  duplicate_in_file: 'imports.refusal.duplicate_in_file',
  open_journey: 'imports.refusal.open_journey',
  episode_already_started: 'imports.refusal.episode_already_started',
  office_outside_scope: 'imports.refusal.office_outside_scope',
  office_not_listed: 'imports.refusal.office_not_listed',
  unknown_programme: 'imports.refusal.unknown_programme',
  start_refused: 'imports.refusal.start_refused',
};

/** Why a row was refused, in the user's language from its stable code (the API's English detail for a row without one). */
function refusalText(row: Row, t: ReturnType<typeof useT>): string {
  const code = row.reasonCode ?? row.outcomeReasonCode;
  if (code && code in REFUSAL_KEYS) return t(REFUSAL_KEYS[code], (row.reasonCode ? row.reasonParams : row.outcomeReasonParams) ?? {});
  return row.reason ?? row.outcomeReason ?? '';
}

/** The roles `POST /imports` admits (its `@Roles`): regional monitoring reads, it does not upload. */
const IMPORT_ROLES = ['operator', 'supervisor', 'administrator'];

/** Whether the user may upload a list (the navigation shows the screen only to them). */
export function mayImport(user: SignedInUser | null): boolean {
  return !!user && user.roles.some((role) => IMPORT_ROLES.includes(role));
}

/** Rows of the preview shown per page (`GET /imports/{batchId}/rows`, keyset paging by line). */
const ROWS_PER_PAGE = 50;
/** How often the progress of a running import is asked for. */
const POLL_MS = 1_500;

/** Saves a Blob as a file, as a download link would (the API's files need the bearer token, which a plain link lacks). */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The API's refusal of a file or a run: its error (phrased from its code) and the problems it names, in the user's language. */
interface Refused {
  error: ApiErrorDetail;
  problems: string[];
}

function refusedOf(error: unknown, t: ReturnType<typeof useT>): Refused {
  return { error: apiErrorOf(error), problems: Object.values(fieldMessages(error, t)).flat() };
}

/** A refused file or run: the phrase of its code, the problems it names (a missing column…), the code and the API's message. */
function RefusedNotice({ refused, lead, testId }: { refused: Refused; lead?: string; testId?: string }) {
  return (
    <ApiErrorNotice error={refused.error} lead={lead} testId={testId} className="mt-3">
      {refused.problems.length > 0 && (
        <ul className="mb-0">
          {refused.problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
    </ApiErrorNotice>
  );
}

/**
 * Bulk intake (issue 19): download the template, upload a CSV or XLSX list, read the preview (counts and each row's
 * verdict with its line and reason, paged), run it, follow its progress, download the report of refused rows. The
 * batch id lives in this page's state only: nothing of the list reaches the URL.
 */
export function ImportsPage() {
  usePageTitle('imports.title');
  const t = useT();
  const api = useApi();
  const fileInput = useId();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<{ text: string } | { refused: Refused } | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [pages, setPages] = useState<number[]>([0]);
  const [runError, setRunError] = useState<Refused | null>(null);
  const [running, setRunning] = useState(false);
  const queries = useQueryClient();
  // A batch opened from the list of earlier imports: its heading takes the focus once its section shows (above the list).
  const [focusBatch, setFocusBatch] = useState(false);
  const batchHeading = useRef<HTMLHeadingElement>(null);
  const openBatch = (id: string) => {
    setPages([0]);
    setRunError(null);
    setBatchId(id);
    setFocusBatch(true);
  };

  const batch = useQuery({
    queryKey: ['import', batchId],
    enabled: batchId !== null,
    queryFn: async (): Promise<Batch> => {
      const { data, error } = await api.GET('/imports/{batchId}', { params: { path: { batchId: batchId ?? '' } } });
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const afterLine = pages[pages.length - 1];
  const rows = useQuery({
    queryKey: ['import-rows', batchId, afterLine, batch.data?.status === 'finished'],
    enabled: batchId !== null,
    queryFn: async () => {
      const { data, error } = await api.GET('/imports/{batchId}/rows', { params: { path: { batchId: batchId ?? '' }, query: { afterLine, limit: ROWS_PER_PAGE } } });
      if (error) throw error;
      return data;
    },
  });

  async function downloadTemplate() {
    const { data } = await api.GET('/imports/template', { parseAs: 'blob' });
    if (data) save(data as Blob, 'modello-presa-in-carico.csv');
  }

  async function upload() {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const { data, error, response } = await api.POST('/imports', {
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'content-type': 'application/octet-stream' },
      });
      if (error || !data) {
        setUploadError(response.status === 413 ? { text: t('imports.tooLarge') } : { refused: refusedOf(error, t) });
        return;
      }
      setPages([0]);
      setRunError(null);
      setBatchId(data.batchId);
      void queries.invalidateQueries({ queryKey: ['imports'] });
    } catch {
      setUploadError({ text: t('imports.uploadFailed') });
    } finally {
      setUploading(false);
    }
  }

  async function run() {
    if (!batchId) return;
    setRunning(true);
    setRunError(null);
    try {
      const { error } = await api.POST('/imports/{batchId}/run', { params: { path: { batchId } } });
      if (error) setRunError(refusedOf(error, t));
      await batch.refetch();
      void queries.invalidateQueries({ queryKey: ['imports'] });
    } finally {
      setRunning(false);
    }
  }

  async function downloadReport() {
    if (!batchId) return;
    const { data } = await api.GET('/imports/{batchId}/report', { params: { path: { batchId } }, parseAs: 'blob' });
    if (data) save(data as Blob, `scarti-${batchId}.csv`);
  }

  const b = batch.data;
  const c = b?.counts;
  const shown = b?.batchId === batchId;
  useEffect(() => {
    if (focusBatch && shown && batchHeading.current) {
      batchHeading.current.focus();
      setFocusBatch(false);
    }
  }, [focusBatch, shown]);
  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <section className="sal-card" aria-labelledby="imports-upload">
        <h2 id="imports-upload" className="h4">
          {t('imports.upload')}
        </h2>
        <p>{t('imports.columns')}</p>
        <p>
          <Button className="btn btn-outline-primary btn-sm" onPress={() => void downloadTemplate()}>
            {t('imports.template')}
          </Button>
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void upload();
          }}
        >
          <div className="mb-3" role="group" aria-labelledby={`${fileInput}-label`}>
            <p id={`${fileInput}-label`} className="form-label mb-1">
              {t('imports.file')}
            </p>
            <div className="d-flex flex-wrap align-items-center gap-2">
              <FileTrigger acceptedFileTypes={['.csv', '.xlsx', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']} onSelect={(files) => setFile(files?.[0] ?? null)}>
                <Button className="btn btn-outline-primary btn-sm" aria-describedby={`${fileInput}-chosen ${fileInput}-help`}>
                  {t('imports.choose')}
                </Button>
              </FileTrigger>
              <span id={`${fileInput}-chosen`} data-testid="import-chosen">
                {file ? t('imports.chosen', { name: file.name }) : t('imports.noFile')}
              </span>
            </div>
            <small id={`${fileInput}-help`} className="form-text">
              {t('imports.fileHelp')}
            </small>
          </div>
          <Button type="submit" className="btn btn-primary" isDisabled={!file || uploading}>
            {uploading ? t('imports.uploading') : t('imports.preview')}
          </Button>
          {uploadError &&
            ('refused' in uploadError ? (
              <RefusedNotice refused={uploadError.refused} lead={t('imports.refusedFile')} testId="import-error" />
            ) : (
              <div className="alert alert-danger mt-3" role="alert" data-testid="import-error">
                {uploadError.text}
              </div>
            ))}
        </form>
      </section>

      {b && c && (
        <section className="sal-card" aria-labelledby="imports-batch">
          <h2 id="imports-batch" className="h4" ref={batchHeading} tabIndex={-1}>
            {t('imports.batch')}
          </h2>
          <dl className="sal-facts" data-testid="import-counts">
            <dt>{t('imports.count.rows')}</dt>
            <dd data-testid="count-rows">{c.rows}</dd>
            <dt>{t('imports.count.ok')}</dt>
            <dd data-testid="count-ok">{c.ok}</dd>
            <dt>{t('imports.count.refused')}</dt>
            <dd data-testid="count-refused">{c.refused}</dd>
          </dl>
          <div role="status" aria-live="polite" data-testid="import-progress">
            {b.status === 'previewed' && t('imports.status.previewed')}
            {b.status === 'running' && t('imports.progress', { processed: c.processed, ok: c.ok, started: c.started, refused: c.refusedAtRun })}
            {b.status === 'finished' && t('imports.finished', { processed: c.processed, started: c.started, refused: c.refusedAtRun })}
          </div>
          {b.status !== 'previewed' && <progress className="sal-progress w-100" max={Math.max(c.ok, 1)} value={c.processed} aria-label={t('imports.progressLabel')} />}
          <div className="d-flex flex-wrap gap-2 mt-3">
            {b.status === 'previewed' && (
              <Button className="btn btn-primary" isDisabled={running || c.ok === 0} onPress={() => void run()}>
                {t('imports.run', { ok: c.ok })}
              </Button>
            )}
            {b.status === 'finished' && (
              <>
                <Button className="btn btn-outline-primary" onPress={() => void downloadReport()}>
                  {t('imports.report')}
                </Button>
                <Link to="/cases" className="btn btn-outline-primary">
                  {t('imports.openCases')}
                </Link>
              </>
            )}
          </div>
          {runError && <RefusedNotice refused={runError} />}

          <h3 className="h5 mt-4">{t('imports.rows')}</h3>
          {rows.data && (
            <>
              <div className="table-responsive">
                <table className="table sal-table" data-testid="import-rows">
                  <thead>
                    <tr>
                      <th scope="col">{t('imports.col.line')}</th>
                      <th scope="col">{t('imports.col.verdict')}</th>
                      <th scope="col">{t('imports.col.reason')}</th>
                      <th scope="col">{t('imports.col.office')}</th>
                      <th scope="col">{t('imports.col.outcome')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.data.items.map((row: Row) => (
                      <tr key={row.line} data-testid={`import-row-${row.line}`}>
                        <td>{row.line}</td>
                        <td>{row.verdict === 'ok' ? t('imports.verdict.ok') : t('imports.verdict.refused')}</td>
                        <td>{refusalText(row, t)}</td>
                        <td>{row.officeId ?? ''}</td>
                        <td>
                          {row.outcome === 'started' && row.journeyId ? (
                            <Link to="/journeys/$journeyId" params={{ journeyId: row.journeyId }}>
                              {t('imports.outcome.started')}
                            </Link>
                          ) : row.outcome === 'refused' ? (
                            t('imports.outcome.refused')
                          ) : (
                            ''
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {(pages.length > 1 || rows.data.nextAfterLine !== null) && (
                <nav aria-label={t('cases.paging')} className="sal-paging">
                  <Button className="btn btn-outline-primary btn-sm" isDisabled={pages.length === 1} onPress={() => setPages((p) => p.slice(0, -1))}>
                    {t('cases.previous')}
                  </Button>
                  <span>{t('imports.page', { page: pages.length, total: rows.data.total })}</span>
                  <Button className="btn btn-outline-primary btn-sm" isDisabled={rows.data.nextAfterLine === null} onPress={() => {
                      const next = rows.data.nextAfterLine;
                      if (next !== null) setPages((p) => [...p, next]);
                    }}>
                    {t('cases.next')}
                  </Button>
                </nav>
              )}
            </>
          )}
        </section>
      )}
      <PastBatches current={batchId} currentStatus={b?.status} onOpen={openBatch} />
    </>
  );
}

/** Batches listed a page at a time. */
const PAST_PER_PAGE = 10;

/**
 * The earlier imports the user may see (`GET /imports`, one call a page, newest first): when, by whom, their status and
 * counts; each opens in the screen above (its id kept in the page's state, never in the URL). Asked again while one runs.
 */
function PastBatches({ current, currentStatus, onOpen }: { current: string | null; currentStatus: Batch['status'] | undefined; onOpen(batchId: string): void }) {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['imports', page, current, currentStatus],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error } = await api.GET('/imports', { params: { query: { page, pageSize: PAST_PER_PAGE } } });
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === 'running') ? POLL_MS : false),
  });
  return (
    <section className="sal-card" aria-labelledby="imports-past">
      <h2 id="imports-past" className="h4">
        {t('imports.past')}
      </h2>
      <p>{t('imports.pastIntro')}</p>
      {list.isError && (
        <div className="alert alert-warning" role="alert">
          {t('imports.pastFailed')}
        </div>
      )}
      {list.data && list.data.total === 0 && <p data-testid="imports-past-none">{t('imports.pastNone')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-responsive">
            <table className="table sal-table" data-testid="imports-past">
              <caption className="visually-hidden">{t('imports.past')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.col.createdAt')}</th>
                  <th scope="col">{t('imports.col.createdBy')}</th>
                  <th scope="col">{t('imports.col.status')}</th>
                  <th scope="col">{t('imports.col.rows')}</th>
                  <th scope="col">{t('imports.col.ok')}</th>
                  <th scope="col">{t('imports.col.refusedRows')}</th>
                  <th scope="col">{t('imports.col.started')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('imports.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.batchId} aria-current={item.batchId === current ? 'true' : undefined}>
                    <td>{format.instant(item.createdAt)}</td>
                    <td>{item.createdBy}</td>
                    <td>{t(`imports.state.${item.status}`)}</td>
                    <td>{format.number(item.counts.rows)}</td>
                    <td>{format.number(item.counts.ok)}</td>
                    <td>{format.number(item.counts.refused + item.counts.refusedAtRun)}</td>
                    <td>{format.number(item.counts.started)}</td>
                    <td>
                      <Button className="btn btn-outline-primary btn-sm" aria-label={t('imports.openLabel', { date: format.instant(item.createdAt) })} onPress={() => onOpen(item.batchId)}>
                        {t('imports.open')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Paging page={page} pageSize={PAST_PER_PAGE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
