import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityMetadata, QueryRunner } from 'typeorm';

/**
 * PostgreSQL's bulk path: rows of an entity written with `COPY … FROM STDIN` (text format) on one connection. The
 * column list, names and types come from the entity's own metadata (its transformers applied, as TypeORM's INSERT
 * applies them), so the seed follows the read model when other changes extend it. A property the rows leave undefined
 * takes the column's default, as an INSERT would.
 */
export class CopyWriter {
  private constructor(private readonly runner: QueryRunner, private readonly client: { query(stream: unknown): NodeJS.WritableStream }) {}

  static async open(db: DataSource): Promise<CopyWriter> {
    const runner = db.createQueryRunner();
    const client = (await runner.connect()) as { query(stream: unknown): NodeJS.WritableStream };
    return new CopyWriter(runner, client);
  }

  async copy<T extends object>(db: DataSource, entity: new () => T, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    const meta = db.getMetadata(entity);
    const columns = meta.columns.filter((c) => !c.isGenerated && rows.some((r) => c.getEntityValue(r) !== undefined));
    const sql = `COPY ${quoteTable(meta)} (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) FROM STDIN`;
    const stream = this.client.query(copyFrom(sql));
    await pipeline(Readable.from(lines(columns, rows)), stream);
  }

  async close(): Promise<void> {
    await this.runner.release();
  }
}

const LINES_PER_CHUNK = 500;

function* lines(columns: ColumnMetadata[], rows: readonly object[]): Generator<string> {
  let chunk = '';
  let n = 0;
  for (const row of rows) {
    chunk += columns.map((c) => field(c, row)).join('\t') + '\n';
    if (++n === LINES_PER_CHUNK) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk) yield chunk;
}

function quoteTable(meta: EntityMetadata): string {
  return meta.schema ? `"${meta.schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

const NULL = '\\N';

function field(column: ColumnMetadata, row: object): string {
  const raw = column.getEntityValue(row, true) as unknown;
  if (raw === undefined) return column.default === undefined || typeof column.default === 'function' ? NULL : escape(literal(column, column.default));
  if (raw === null) return NULL;
  return escape(literal(column, raw));
}

function literal(column: ColumnMetadata, value: unknown): string {
  if (column.type === 'jsonb' || column.type === 'json') return JSON.stringify(value);
  if (column.isArray) return `{${(value as unknown[]).map((v) => (v === null ? 'NULL' : `"${scalar(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
  return scalar(value);
}

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** COPY's text format: backslash, tab, newline and carriage return escaped. */
function escape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}
