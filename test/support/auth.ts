import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';

const ISSUE_TOKEN = join(__dirname, '..', '..', 'apps/api/dist/cli/issue-token.js');
const cache = new Map<string, string>();

export type TestRole = 'operator' | 'supervisor' | 'regional_supervisor' | 'administrator';

/**
 * A bearer token for the API, issued by the product's own `npm run token` command (the development secret the built
 * API verifies on its embedded defaults).
 */
export function tokenFor(role: TestRole, offices: string[] = [], subject = `${role}-test`): string {
  const key = JSON.stringify([role, offices, subject]);
  let token = cache.get(key);
  if (!token) {
    const args = [ISSUE_TOKEN, '--role', role, '--sub', subject, ...offices.flatMap((o) => ['--office', o])];
    token = execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();
    cache.set(key, token);
  }
  return token;
}

/** What every test request carries unless it says otherwise: an administrator, who may do everything. */
export function adminToken(): string {
  return tokenFor('administrator', [], 'admin-test');
}

/** The development secret the built API verifies on its embedded defaults (public in the product's source). */
export const DEV_JWT_SECRET = 'sal-dev-only-jwt-secret-change-me-0123456789';

/**
 * A token with exactly these claims (and the embedded defaults' issuer and audience unless `claims` says otherwise),
 * signed HS256 with `secret`: for tests of what the API refuses, which `npm run token` will not issue. Signed by hand
 * (node:crypto) because jose is an ES module Jest cannot load.
 */
export function signedToken(claims: Record<string, unknown>, secret = DEV_JWT_SECRET): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: 'sal-journeys', aud: 'sal-journeys-api', ...claims })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
