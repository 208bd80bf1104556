import type { EntityManager, ObjectLiteral, OrderByCondition, SelectQueryBuilder } from 'typeorm';
import { NOW } from './at-instant';
import { periodBound } from './period';

/** A page of a list, with how many items match in all. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Which page of a list: `page` from 1, `pageSize` items each. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** Offices the asker may see; `undefined` means every office (role scoping narrows it before it gets here). */
export interface OfficeScope {
  officeIds?: string[];
}

type Query = SelectQueryBuilder<ObjectLiteral>;

/**
 * One filter of a list: the SQL condition a value adds to the view's query, `:value` standing for the value bound to
 * it. A plain object tied to no validation library: whatever validates the API's input (class-validator DTOs today)
 * only has to hand over values of its type, and the compiler checks that it does.
 */
export interface Filter<V> {
  readonly where: (value: V) => string;
  /** What `:value` binds: the value itself unless said. */
  readonly bind?: (value: V) => unknown;
  /** A join the condition needs, made only when the filter is used. */
  readonly join?: (query: Query) => void;
}

/** The filters of a list, by the name its request gives them. */
export type Filters = Record<string, Filter<never>>;

/** The values a request may give a list's filters: each optional, of its filter's type. */
export type FilterValues<S extends Filters> = { [K in keyof S]?: S[K] extends Filter<infer V> ? V : never };

/** `column = value`. */
export const equals = <V extends string | number | boolean>(column: string): Filter<V> => ({ where: () => `${column} = :value` });

/** The array in `column` holds the value. */
export const contains = <V extends string>(column: string): Filter<V> => ({ where: () => `:value = ANY(${column})` });

/**
 * `column` equals one of the values (an index on the column serves it as it serves `=`). One value is asked as `=`:
 * then an index on `(column, order…)` also gives the rows in the list's order, and a first page stops after its rows
 * (`= ANY` of an array gives no order to rely on).
 */
export const among = (column: string): Filter<string[]> => ({
  where: (values) => (values.length === 1 ? `${column} = :value` : `${column} = ANY(:value)`),
  bind: (values) => (values.length === 1 ? values[0] : values),
});

/** The instant in `column` is at least this many whole days ago. */
export const daysAgo = (column: string): Filter<number> => ({ where: () => `${column} <= ${NOW} - make_interval(days => :value)` });

/** `true`: the first condition; `false`: the second. */
export const either = (whenTrue: string, whenFalse: string): Filter<boolean> => ({ where: (value) => (value ? whenTrue : whenFalse) });

/** A period's start on `column`: a Rome calendar day (from its first instant) or an instant, inclusive. */
export const since = (column: string): Filter<string> => ({ where: () => `${column} >= :value`, bind: (value) => periodBound(value, 'from') });

/** A period's end on `column`: a Rome calendar day (included whole) or an instant (exclusive). */
export const until = (column: string): Filter<string> => ({ where: () => `${column} < :value`, bind: (value) => periodBound(value, 'to') });

/** Narrows a query by every filter the values name, in the filters' order; absent values leave it alone. */
export function applyFilters<S extends Filters>(query: Query, filters: S, values: FilterValues<S>): Query {
  for (const [name, filter] of Object.entries(filters)) {
    const value = (values as Record<string, unknown>)[name] as never;
    if (value === undefined) continue;
    filter.join?.(query);
    const param = `filter_${name}`;
    const condition = filter.where(value);
    if (condition.includes(':value')) query.andWhere(condition.replaceAll(':value', `:${param}`), { [param]: filter.bind ? filter.bind(value) : value });
    else query.andWhere(condition);
  }
  return query;
}

/** An order of rows: columns (or expressions) to directions, the first the most significant. */
export type Order<X> = OrderByCondition | ((request: X) => OrderByCondition);

/**
 * A paginated list of the read model: its rows, the office they belong to, its filters, its orders and its items. The
 * same skeleton answers every list: office scope and filters narrow the rows, the request's order (the first when it
 * names none) sorts them, and one query returns the page with the total (a window count), a second one counting only
 * when a page past the end has no row to carry it.
 */
export interface ListSpec<S extends Filters, K extends string, T, X> {
  /** The list's query before any filter: FROM and joins, its columns, and the conditions every row meets. */
  readonly rows: (query: Query, request: X) => Query;
  /** The column holding a row's office. */
  readonly office: string;
  readonly filters: S;
  /** The orders a request may name; the first is the default. */
  readonly sorts: Record<K, Order<X>>;
  /** Read the page's rows as entities of the query's main alias (else as raw rows only). */
  readonly entities?: boolean;
  /** An item from its row (and its entity, when read as entities). */
  readonly item: (row: Record<string, unknown>, entity: ObjectLiteral) => T;
  /**
   * The total of the unfiltered list (office scope only) at the instant `:now`, from counts the read model keeps,
   * instead of counting the rows; it must equal the count of the rows (the tests compare both).
   */
  readonly keptTotal?: (manager: EntityManager, officeIds: string[] | undefined, now: string) => Promise<number>;
}

/**
 * The instant a list answers for (issue 17): its time-derived statuses are exact at it (`at-instant.ts`, bound as
 * `:now`); the moment of the query when not given.
 */
export interface AsOf {
  now?: string;
}

/** What a list is asked: the office scope, its filters, its order and the page (and what its shape depends on, `X`). */
export type ListRequest<S extends Filters, K extends string, X> = OfficeScope & FilterValues<S> & PageRequest & AsOf & { sort?: K } & X;

/** What a {@link PagedQuery} is asked. */
export type RequestOf<L> = L extends PagedQuery<infer S, infer K, unknown, infer X> ? ListRequest<S, K, X> : never;

export class PagedQuery<S extends Filters, K extends string, T, X extends object = object> {
  /** The orders the list offers, the default first (for the API to document and validate). */
  readonly sorts: readonly [K, ...K[]];

  constructor(private readonly spec: ListSpec<S, K, T, X>) {
    this.sorts = Object.keys(spec.sorts) as [K, ...K[]];
  }

  async page(manager: EntityManager, request: ListRequest<S, K, X>): Promise<Page<T>> {
    const filters: Filters = { officeIds: among(this.spec.office), ...this.spec.filters };
    const order = this.spec.sorts[request.sort ?? this.sorts[0]];
    // Page and total from one snapshot, so they agree while projections go on.
    return inSnapshot(manager, async (m) => {
      const now = request.now ?? new Date().toISOString();
      const rows = this.spec.rows(m.createQueryBuilder(), request).setParameter('now', now);
      const filtered = applyFilters(rows, filters, request as FilterValues<Filters>);
      const query = filtered
        .clone()
        .orderBy(typeof order === 'function' ? order(request) : order)
        .limit(request.pageSize)
        .offset((request.page - 1) * request.pageSize);
      const { raw, entities }: { raw: Record<string, unknown>[]; entities: ObjectLiteral[] } = this.spec.entities
        ? await query.getRawAndEntities()
        : { raw: await query.getRawMany(), entities: [] };
      // A first page that is not full is the whole list; otherwise the total is counted on its own.
      const unfiltered = Object.keys(this.spec.filters).every((name) => (request as Record<string, unknown>)[name] === undefined);
      const total =
        request.page === 1 && raw.length < request.pageSize
          ? raw.length
          : this.spec.keptTotal && unfiltered
            ? await this.spec.keptTotal(m, request.officeIds, now)
            : await countOf(m, filtered);
      return { items: raw.map((row, i) => this.spec.item(row, entities[i])), page: request.page, pageSize: request.pageSize, total };
    });
  }
}

/** Runs the reads in one REPEATABLE READ snapshot: the caller's transaction if it has one, else a read-only one of their own. */
function inSnapshot<R>(manager: EntityManager, work: (m: EntityManager) => Promise<R>): Promise<R> {
  return manager.queryRunner?.isTransactionActive ? work(manager) : manager.transaction('REPEATABLE READ', work);
}

/** How many rows (or groups) a query returns, without reading them. */
async function countOf(manager: EntityManager, query: Query): Promise<number> {
  const [sql, params] = query.clone().select('1').getQueryAndParameters();
  const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM (${sql}) g`, params);
  return Number(total);
}
