import { execFileSync } from 'node:child_process';
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
