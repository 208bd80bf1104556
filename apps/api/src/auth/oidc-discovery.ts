/** How long the API waits for the OpenID provider's discovery document. */
export const DISCOVERY_TIMEOUT_MS = 5_000;

/**
 * The JWKS URL an OpenID provider publishes in its discovery document (OpenID Connect Discovery 1.0 §4):
 * `<issuer>/.well-known/openid-configuration`, whose `issuer` must be exactly the one configured (§4.3, so that a
 * document served elsewhere cannot name other keys) and whose `jwks_uri` must be an http(s) URL.
 * @throws Error saying what is wrong with the answer.
 */
export async function discoverJwksUrl(issuer: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const location = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetchImpl(location, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), redirect: 'error' });
  if (!response.ok) throw new Error(`${location} answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer) throw new Error(`${location} names the issuer ${JSON.stringify(document.issuer)}, not ${issuer}`);
  if (typeof document.jwks_uri !== 'string' || !/^https?:$/.test(safeUrl(document.jwks_uri)?.protocol ?? '')) {
    throw new Error(`${location} has no http(s) jwks_uri`);
  }
  return document.jwks_uri;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
