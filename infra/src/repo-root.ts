import fs from 'node:fs';
import path from 'node:path';

/**
 * The monorepo root: the nearest ancestor of `from` holding nx.json (or, as a
 * fallback before Nx is configured, a package.json declaring workspaces).
 */
export function findRepoRoot(from: string = __dirname): string {
  let fallback: string | undefined;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (!fallback && declaresWorkspaces(path.join(dir, 'package.json'))) fallback = dir;
    if (path.dirname(dir) === dir) break;
  }
  if (fallback) return fallback;
  throw new Error(`Cannot find the repository root (a folder with nx.json) above ${from}`);
}

function declaresWorkspaces(packageJson: string): boolean {
  try {
    return 'workspaces' in (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as object);
  } catch {
    return false;
  }
}
