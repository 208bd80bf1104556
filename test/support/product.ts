import { adminToken } from './auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database';
import { http, startProduct, type HttpAnswer, type ProductStack } from './services';

/** Calls the API as one caller: `(method, path, body?)`. */
export type Caller = <T = any>(method: string, path: string, body?: unknown) => Promise<HttpAnswer<T>>;

/** A spec file's own product: a throwaway database and the built worker and API on it. */
export interface FileProduct {
  readonly db: ThrowawayDatabase;
  readonly stack: ProductStack;
  /** A caller with this bearer token (an administrator's when none is given); usable at the top of the file. */
  as(token?: string): Caller;
}

/**
 * Starts the product for the spec file that calls it, before its tests (then runs `setup`, e.g. publishing the
 * file's catalogue), and stops it and drops its database after them.
 */
export function productForFile(extraEnv: NodeJS.ProcessEnv = {}, setup?: (product: FileProduct) => Promise<void>): FileProduct {
  let db: ThrowawayDatabase | undefined;
  let stack: ProductStack | undefined;
  const product: FileProduct = {
    get db() {
      if (!db) throw new Error('the database is started before the tests: use it inside one');
      return db;
    },
    get stack() {
      if (!stack) throw new Error('the product is started before the tests: use it inside one');
      return stack;
    },
    as:
      (token = adminToken()) =>
      (method, path, body) =>
        http(product.stack.baseUrl, method, path, body, token),
  };
  beforeAll(async () => {
    db = await createThrowawayDatabase();
    stack = await startProduct(db.url, extraEnv);
    await setup?.(product);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  }, 120_000);
  return product;
}
