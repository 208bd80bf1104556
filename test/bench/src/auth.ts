import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Bearer tokens for the API, one per role the scenarios act as; empty when this build of the API has no auth. */
export interface Tokens {
  /** An operator (the staff id journeys record) covering every office: starts and commands. */
  operator?: string;
  /** A regional supervisor covering every office: the supervisors' queries. */
  supervisor?: string;
  /** An administrator: the staff directory. */
  administrator?: string;
}

/**
 * Issues the tokens with the product's own development command (apps/api/dist/cli/issue-token.js), which signs with
 * the same secret the API verifies on its defaults (or AUTH_JWT_SECRET when set, for both).
 */
export function issueTokens(root: string, env: NodeJS.ProcessEnv, operatorId: string): Tokens {
  const cli = path.join(root, 'apps/api/dist/cli/issue-token.js');
  if (!existsSync(cli)) return {};
  const issue = (args: string[]): string => execFileSync(process.execPath, [cli, ...args, '--expires', '24h'], { env, encoding: 'utf8' }).trim();
  return {
    operator: issue(['--role', 'operator', '--sub', operatorId, '--office', '*']),
    supervisor: issue(['--role', 'regional_supervisor', '--sub', 'sup-bench-01', '--office', '*']),
    administrator: issue(['--role', 'administrator', '--sub', 'admin-bench']),
  };
}
