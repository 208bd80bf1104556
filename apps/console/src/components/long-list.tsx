import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT } from '../i18n/i18n';

/** A page of a list as the API answers it. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/** The largest page the API's lists serve (`pageSize` 1-100): the fewer pages, the fewer calls. */
export const LONG_LIST_PAGE_SIZE = 100;
/** A row's height before it is measured (one line of text in a table cell); rows that wrap are measured. */
const ROW_ESTIMATE = 49;
/** Rows rendered beyond the viewport on each side. */
const OVERSCAN = 12;

export interface LongList<T> {
  /** The filtered set's name (its key as text). */
  key: string;
  /** Every row of the filtered set, once the first page has answered. */
  total: number | undefined;
  isError: boolean;
  error: unknown;
  /** The row at `index` (0-based over the whole set), or undefined while its page is not here. */
  itemAt(index: number): T | undefined;
  /** The rows the view shows now (first and last index): their pages are fetched. */
  show(first: number, last: number): void;
  /** Whether the page of the row at `index` was asked for and could not be fetched (the first page: `isError`). */
  failedAt(index: number): boolean;
  /** Asks again for the page of the row at `index`. */
  retryAt(index: number): void;
  /** The page the row at `index` is on (1-based). */
  pageOf(index: number): number;
}

/**
 * The whole filtered set of a list as one long list over the API's offset paging: the first page gives the total,
 * and the pages of the rows in view are fetched as the view reaches them (each page once, kept in the query cache),
 * so a list of 10,000 rows costs a call per page looked at, never one per row. `key` names the filtered set (its
 * filters and order): a new key starts over.
 */
export function useLongList<T>({
  key,
  fetchPage,
  enabled = true,
  pageSize = LONG_LIST_PAGE_SIZE,
}: {
  key: readonly unknown[];
  fetchPage: (page: number, pageSize: number) => Promise<ListPage<T>>;
  enabled?: boolean;
  pageSize?: number;
}): LongList<T> {
  const client = useQueryClient();
  const [wanted, setWanted] = useState<number[]>([]);
  const keyText = JSON.stringify(key);
  // A new filtered set: only its first page until the view says what it shows.
  useEffect(() => setWanted([]), [keyText]);
  const pageKey = (page: number) => [...key, 'page', page] as const;
  const queryFn = (page: number) => async () => fetchPage(page, pageSize);
  const first = useQuery({ queryKey: pageKey(1), queryFn: queryFn(1), enabled, retry: false });
  const ready = first.isSuccess;
  const later = wanted.filter((page) => page > 1);
  const answers = useQueries({
    // The rows are read from the cache (itemAt), not from these results: re-render on a page's data as on its error
    // (reading only `isError` below would otherwise limit the re-renders to error changes: tracked properties).
    queries: later.map((page) => ({ queryKey: pageKey(page), queryFn: queryFn(page), enabled: enabled && ready, retry: false, staleTime: 60_000, notifyOnChangeProps: ['data', 'error', 'status'] as const })),
  });
  const failed = new Set(later.filter((_, i) => answers[i]?.isError));
  const pageOf = (index: number) => Math.floor(index / pageSize) + 1;
  return {
    key: keyText,
    total: ready ? first.data.total : undefined,
    isError: first.isError,
    error: first.error,
    itemAt(index) {
      const page = pageOf(index);
      const data = page === 1 ? (ready ? first.data : undefined) : client.getQueryData<ListPage<T>>(pageKey(page));
      return data?.items[index % pageSize];
    },
    show(firstIndex, lastIndex) {
      const from = Math.floor(firstIndex / pageSize) + 1;
      const to = Math.floor(lastIndex / pageSize) + 1;
      const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      setWanted((current) => (current.length === pages.length && current.every((p, i) => p === pages[i]) ? current : pages));
    },
    pageOf,
    failedAt: (index) => failed.has(pageOf(index)),
    retryAt(index) {
      void client.refetchQueries({ queryKey: pageKey(pageOf(index)), exact: true });
    },
  };
}

/**
 * A long list as a table: only the rows near the viewport are in the DOM (@tanstack/react-virtual), the table says its
 * size to assistive technology (`aria-rowcount`: every row of the set plus the header) and each row its place
 * (`aria-rowindex`); the scrolling region is reachable with the keyboard (arrows, Page Up/Down, Home/End scroll it;
 * Tab reaches each row's links). A row not fetched yet shows that it is loading; one whose page could not be fetched
 * says so, the first of them in view with a button that asks for the page again.
 */
export function LongTable<T>({
  list,
  label,
  head,
  columns,
  row,
  rowKey,
}: {
  list: LongList<T>;
  /** The table's accessible name (the region's too). */
  label: string;
  /** The header row's cells. */
  head: ReactNode;
  columns: number;
  /** A row's cells. */
  row: (item: T, index: number) => ReactNode;
  rowKey: (item: T) => string;
}) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const total = list.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
  });
  const rows = virtualizer.getVirtualItems();
  // The first row in view of each page that failed carries the retry button (one per page, not one per row).
  const retryRows = new Set<number>();
  const seenFailed = new Set<number>();
  for (const r of rows) {
    const page = list.pageOf(r.index);
    if (list.failedAt(r.index) && !seenFailed.has(page)) {
      seenFailed.add(page);
      retryRows.add(r.index);
    }
  }
  const firstShown = rows[0]?.index ?? 0;
  const lastShown = rows[rows.length - 1]?.index ?? 0;
  const { show, key } = list;
  // Another filtered set starts at its top.
  useEffect(() => {
    virtualizer.scrollToOffset(0); // only when the set changes
  }, [key]);
  // Pages are asked for where the view settles, not for every page a fast scroll flies past.
  const settled = !virtualizer.isScrolling;
  useEffect(() => {
    if (settled && total > 0) show(firstShown, lastShown);
  }, [settled, firstShown, lastShown, total, show]);
  const before = rows.length > 0 ? rows[0].start : 0;
  const after = rows.length > 0 ? virtualizer.getTotalSize() - rows[rows.length - 1].end : 0;
  return (
    <div ref={scroller} className="sal-table-scroll sal-virtual" tabIndex={0} role="region" aria-label={label} data-testid="long-list">
      <table className="table sal-table" aria-label={label} aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>{head}</tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true" className="sal-virtual-spacer" style={{ height: before }} />}
          {rows.map((virtualRow) => {
            const item = list.itemAt(virtualRow.index);
            return (
              <tr
                key={`${virtualRow.index}:${item ? rowKey(item) : ''}`}
                ref={virtualizer.measureElement}
                data-index={virtualRow.index}
                aria-rowindex={virtualRow.index + 2}
                aria-busy={item || list.failedAt(virtualRow.index) ? undefined : true}
              >
                {item ? (
                  row(item, virtualRow.index)
                ) : list.failedAt(virtualRow.index) ? (
                  <td colSpan={columns} className="sal-row-loading" data-testid="row-failed">
                    {t('list.pageFailed')}{' '}
                    {retryRows.has(virtualRow.index) && (
                      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => list.retryAt(virtualRow.index)}>
                        {t('list.retryPage')}
                      </button>
                    )}
                  </td>
                ) : (
                  <td colSpan={columns} className="sal-row-loading">
                    {t('app.loading')}
                  </td>
                )}
              </tr>
            );
          })}
          {after > 0 && <tr aria-hidden="true" className="sal-virtual-spacer" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
