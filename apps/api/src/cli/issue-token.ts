import { parseArgs } from 'node:util';
import { ConfigurationError, exitOnStartupFailure, loadEnv, RUNTIME_ENV } from '@sal/config';
import { loadAuthSettings } from '../auth/auth-settings';
import { signDevelopmentToken } from '../auth/development-token';
import { ROLES, type Role } from '../auth/principal';
import { OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../common/input-rules';

const USAGE = `Issues a bearer token for the API on the embedded defaults (signed with AUTH_JWT_SECRET, or the development secret).

  npm run -s token -- --role operator --sub op-bianchi --office CPI-TO-01 [--office CPI-TO-02] [--expires 8h]

Roles: ${ROLES.join(', ')}. Administrators need no office; --office '*' covers every office.`;

/** Prints a signed development token on stdout (and only the token, so `TOKEN=$(npm run -s token -- …)` works). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      office: { type: 'string', multiple: true },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}\n\n${USAGE}`);
  const offices = values.office ?? [];
  if (role !== 'administrator' && offices.length === 0) throw new Error(`--office is required for ${role}\n\n${USAGE}`);
  const sub = values.sub ?? `${role}-dev`;
  // The API refuses a token whose subject is not a staff id: say so here rather than print a token it will refuse.
  if (!OPERATOR_ID_PATTERN.test(sub)) throw new Error(`--sub ${OPERATOR_ID_MESSAGE}\n\n${USAGE}`);
  let auth: ReturnType<typeof loadAuthSettings>;
  try {
    if (loadEnv(RUNTIME_ENV).NODE_ENV === 'production') throw new Error('development tokens are not issued in production');
    auth = loadAuthSettings();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    exitOnStartupFailure('token', error);
  }
  const { token } = await signDevelopmentToken(auth, { role, offices, sub, expires: values.expires! });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
