import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_ENVIRONMENT, loadApiSettings } from '@sal/api';
import { describeEnv, DATABASE_ENV } from '@sal/config';
import { kubernetesResources, type Manifest } from '@sal/infra';
import { databaseSettings } from '@sal/persistence';
import { loadWorkerSettings, WORKER_ENVIRONMENT } from '@sal/worker';

/**
 * The environment the Kubernetes manifests give each container (infra/k8s: the ConfigMap, the Secrets' keys, the
 * explicit env entries) against the settings the processes read: every variable set is one they know and that
 * .env.example documents, every Secret key a container reads is in the templates (which hold no real value), and with
 * the Secrets filled in, each process's own settings loader accepts it with NODE_ENV=production — that is, every
 * setting production requires is set.
 */

const ROOT = path.join(__dirname, '..', '..');
const resources = kubernetesResources(ROOT);
const config = resources.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'sal-journeys-config')!['data'] as Record<string, string>;
const secrets = resources.filter((m) => m.kind === 'Secret');

interface EnvEntry {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  env?: EnvEntry[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}

function containersOf(m: Manifest): Container[] {
  return ((m['spec'] as any).template.spec.containers ?? []) as Container[];
}
const workload = (kind: string, name: string) => resources.find((m) => m.kind === kind && m.metadata.name === name)!;

/** What the region puts in the Secrets: made up here, well formed. */
const PAYLOAD_KEY_ID = config['PAYLOAD_ENCRYPTION_KEY_ID'];
const FILLED: Record<string, string> = {
  DATABASE_URL: 'postgres://sal_app:s3cret@postgres.region.internal:5432/sal_journeys',
  DATABASE_MIGRATION_URL: 'postgres://sal_owner:s3cret@postgres.region.internal:5432/sal_journeys',
  JOURNEY_ID_KEY: randomBytes(32).toString('base64'),
  PAYLOAD_ENCRYPTION_KEYS: `${PAYLOAD_KEY_ID}:${randomBytes(32).toString('base64')}`,
  SMTP_URL: 'smtp://sal:s3cret@mail.region.internal:587',
  TEMPORAL_API_KEY: 'an-api-key',
};

/** The environment of one container, as the kubelet would build it (optional Secrets: `withOptional`). */
function environmentOf(container: Container, withOptional: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      expect(source.configMapRef.name).toBe('sal-journeys-config');
      Object.assign(env, config);
    }
    if (source.secretRef) throw new Error('the manifests read Secrets key by key (secretKeyRef), so that each process gets only its own');
  }
  for (const entry of container.env ?? []) {
    if (entry.value !== undefined) env[entry.name] = entry.value;
    const ref = entry.valueFrom?.secretKeyRef;
    if (ref && (withOptional || !ref.optional)) env[entry.name] = FILLED[ref.key];
  }
  return env;
}

const quiet = { warn: () => undefined };
const known = new Set(describeEnv([...API_ENVIRONMENT, ...WORKER_ENVIRONMENT, DATABASE_ENV]).map((v) => v.name));
const envExample = readFileSync(path.join(ROOT, '.env.example'), 'utf8');

describe('the manifests and the settings', () => {
  const containers = resources.filter((m) => m.kind === 'Deployment' || m.kind === 'Job').flatMap((m) => containersOf(m).map((c) => ({ workload: m.metadata.name, c })));

  it('set only variables the processes read and .env.example documents', () => {
    const names = new Set([...Object.keys(config), ...containers.flatMap(({ c }) => (c.env ?? []).map((e) => e.name))]);
    expect(names.size).toBeGreaterThan(15);
    expect([...names].filter((n) => !known.has(n))).toEqual([]);
    expect([...names].filter((n) => !new RegExp(`^#? ?${n}=`, 'm').test(envExample))).toEqual([]);
  });

  it('read Secret keys that the templates hold, with placeholders only, and put no secret in the ConfigMap', () => {
    const templated = new Map(secrets.map((s) => [s.metadata.name, s['stringData'] as Record<string, string>]));
    const refs = containers.flatMap(({ c }) => (c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : [])));
    for (const ref of refs) expect({ ref, inTemplate: templated.get(ref.name)?.[ref.key] !== undefined }).toEqual({ ref, inTemplate: true });
    for (const [name, data] of templated) for (const [key, value] of Object.entries(data)) expect({ name, key, value }).toEqual({ name, key, value: expect.stringContaining('CHANGE-ME') });
    // Every key of the templates is read by some container, and is one the product knows.
    expect([...templated.values()].flatMap((d) => Object.keys(d)).filter((key) => !refs.some((r) => r.key === key))).toEqual([]);
    const secretNames = new Set(describeEnv([...API_ENVIRONMENT, ...WORKER_ENVIRONMENT]).filter((v) => /KEY|SECRET|PASSWORD|_URL$/.test(v.name) && !/ISSUER|JWKS|KEY_ID|_PATH/.test(v.name)).map((v) => v.name));
    expect(Object.keys(config).filter((k) => secretNames.has(k))).toEqual([]);
  });

  it.each([false, true])('give the API everything production requires (Temporal API key given: %s)', (withOptional) => {
    const [container] = containersOf(workload('Deployment', 'sal-journeys-api'));
    const env = environmentOf(container, withOptional);
    expect(env['NODE_ENV']).toBe('production');
    const settings = loadApiSettings(env, quiet);
    expect(settings).toMatchObject({ host: '0.0.0.0', port: 3000 });
    expect(settings.temporal).toMatchObject({ address: config['TEMPORAL_ADDRESS'], namespace: 'default', taskQueue: 'sal-journeys' });
  });

  it.each([false, true])('give the worker everything production requires (Temporal API key given: %s)', (withOptional) => {
    const [container] = containersOf(workload('Deployment', 'sal-journeys-worker'));
    const env = environmentOf(container, withOptional);
    const settings = loadWorkerSettings(env, quiet);
    expect(settings.health).toEqual({ port: Number(config['WORKER_HEALTH_PORT']), host: '0.0.0.0' });
    expect(settings.notifications.smtp).not.toBeNull();
    expect(settings.workflows).toEqual({ bundlePath: expect.stringMatching(/apps\/worker\/dist\/workflow-bundle\.js$/) });
    expect(settings.payloadEncryption.developmentKey).toBe(false);
  });

  it('give the migration Job the schema owner, not the application role', () => {
    const [container] = containersOf(workload('Job', 'sal-journeys-migrate'));
    const env = environmentOf(container, false);
    expect(env['DATABASE_URL']).toBeUndefined();
    expect(databaseSettings(env).migrationUrl).toBe(FILLED['DATABASE_MIGRATION_URL']);
  });

  it('would refuse the API an environment without its Secrets (the check can fail)', () => {
    const [container] = containersOf(workload('Deployment', 'sal-journeys-api'));
    expect(() => loadApiSettings({ ...config }, quiet)).toThrow(/JOURNEY_ID_KEY|PAYLOAD_ENCRYPTION_KEYS/);
    expect(container.env?.length).toBeGreaterThan(0);
  });
});
