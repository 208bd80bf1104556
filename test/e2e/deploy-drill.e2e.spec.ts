import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { tracingWorkerOptions } from '@sal/temporal';
import { WORKFLOW_INTERCEPTOR_MODULES } from '@sal/worker';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { testStack, uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, ServiceProcess, startProduct, waitForWorker, type ProductStack } from '../support/services';
import { productDataConverter } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * Safe deploys drill, the `patched()` discipline: journeys start on build A (the prebuilt production bundle) and are
 * left mid-pact with an action due ahead; the worker is replaced by build B, a bundle this test makes from the built
 * workflow code with one `patched()` change to a later behaviour (when a deadline fires, B records a memo on the
 * journey's execution), and journeys start on B. The old journeys keep their deadlines on B (each action overdue at
 * its due time, the old behaviour: no memo) and their histories replay on both A and B; the new ones take the new
 * behaviour and replay on B. On the dev server in `npm test` (patching is the SDK's, the same on any server); on the
 * cluster with `npm run test:cluster -- e2e/deploy-drill.e2e.spec.ts`.
 */

const ROOT = join(__dirname, '..', '..');
const BUNDLE_A = join(ROOT, 'apps/worker/dist/workflow-bundle.js');
const DRILL_PATCH = 'sal-deploy-drill-b';
/** Old journeys' actions fall due this long after their pact: after the deploy, which takes a while on a loaded machine. */
const OLD_DUE_S = 75;
const NEW_DUE_S = 15;

let db: ThrowawayDatabase;
let product: ProductStack;
let workerB: ServiceProcess | undefined;
let connection: Connection;
let client: Client;
let variantDir: string;
let bundleB: string;
const office = `CPI-DEPLOY-${uniqueSuffix()}`;

const api = async <T = any>(method: string, path: string, body?: unknown) => {
  try {
    return await http<T>(product.baseUrl, method, path, body);
  } catch (error) {
    throw new Error(`${method} ${path}: ${(error as Error).message}\n--- api ---\n${product.api.output().slice(-4000)}`, { cause: error });
  }
};

/** Build B's source: the built workflows with the patched change, each edit checked so a moved line fails loudly. */
function writeVariant(dir: string): void {
  const from = join(ROOT, 'workflows', 'dist');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(from).filter((f) => f.endsWith('.js'))) writeFileSync(join(dir, file), readFileSync(join(from, file), 'utf8'));
  const file = join(dir, 'journey-workflow.js');
  let code = readFileSync(file, 'utf8');
  const edit = (anchor: string, replacement: string) => {
    expect(code.split(anchor)).toHaveLength(2);
    code = code.replace(anchor, replacement);
  };
  edit(
    'const apart = (0, workflow_1.patched)(SIDE_EFFECTS_APART_PATCH);',
    `const apart = (0, workflow_1.patched)(SIDE_EFFECTS_APART_PATCH);\n    const drillB = (0, workflow_1.patched)(${JSON.stringify(DRILL_PATCH)});`,
  );
  // The first occurrence is the current loop's deadline branch (journeyLoop); the second, the pre-patch loop's, differs.
  edit('record(events, () => true);', "record(events, () => true);\n                if (drillB) (0, workflow_1.upsertMemo)({ releaseDrill: 'B' });");
  writeFileSync(file, code);
}

beforeAll(async () => {
  variantDir = join(ROOT, 'test', `.deploy-drill-${uniqueSuffix()}`);
  writeVariant(variantDir);
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(variantDir, 'index.js'),
    workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES],
    logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => console.error(m), log: () => undefined },
  });
  bundleB = join(variantDir, 'workflow-bundle-b.js');
  writeFileSync(bundleB, code);
  db = await createThrowawayDatabase();
  product = await startProduct(db.url, { WORKFLOW_BUNDLE_PATH: BUNDLE_A, API_UPDATE_TIMEOUT_MS: '60000' });
  const { temporalAddress, namespace } = testStack();
  connection = await Connection.connect({ address: temporalAddress });
  client = new Client({ connection, namespace, dataConverter: productDataConverter(db.dataSource) });
}, 600_000);

afterAll(async () => {
  await workerB?.stop();
  await product?.stop();
  await connection?.close();
  await db?.drop();
  if (variantDir) rmSync(variantDir, { recursive: true, force: true });
}, 120_000);

async function journeyInPact(dueInSeconds: number): Promise<{ journeyId: string; dueDate: string }> {
  const created = await api('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Luca', familyName: 'Moretti', email: 'luca.moretti@example.org' },
    programmeCode: 'GOL-1',
    officeId: office,
    didDate: recentDidDate(),
  });
  expect(created.status).toBe(201);
  const { journeyId } = created.body;
  expect((await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-deploy' })).status).toBe(200);
  const dueDate = inSeconds(dueInSeconds);
  const pact = await api('POST', `/journeys/${journeyId}/pact`, {
    responsibleOperatorId: 'op-deploy',
    profilingClass: 'medium',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    contactFrequency: 'P30D',
    availability: { workshops: true, training: true, suitableOffers: true },
    actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate }],
  });
  expect(pact.status).toBe(200);
  expect(pact.body.stage).toBe('pact_active');
  return { journeyId, dueDate };
}

/** The journey's `PactActionOverdue` event, once its timer fired. */
async function overdueEvent(journeyId: string): Promise<{ at: string; data: { dueAt: string } }> {
  return eventually(
    async () => {
      const { body } = await api<{ type: string; at: string; data: { dueAt: string } }[]>('GET', `/journeys/${journeyId}/events`);
      return body.find((e) => e.type === 'PactActionOverdue');
    },
    `journey ${journeyId}'s action to fall overdue`,
    { timeoutMs: 240_000, intervalMs: 1_000 },
  );
}

async function memoOf(journeyId: string): Promise<Record<string, unknown>> {
  return (await client.workflow.getHandle(journeyId).describe()).memo ?? {};
}

async function replayOn(bundlePath: string, workflowIds: string[]): Promise<unknown[]> {
  const { sinks } = tracingWorkerOptions({ resource: new Resource({}), spanProcessor: new NoopSpanProcessor() });
  const histories = await Promise.all(workflowIds.map(async (workflowId) => ({ workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() })));
  const errors: unknown[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: { codePath: bundlePath }, replayName: `deploy-drill-${uniqueSuffix()}`, dataConverter: productDataConverter(db.dataSource), sinks },
    histories,
  )) {
    if (result.error) errors.push({ workflowId: result.workflowId, error: String(result.error) });
  }
  return errors;
}

it('deploys build B while journeys of build A are mid-pact: the old keep their deadlines and replay, the new take B', async () => {
  const old = [await journeyInPact(OLD_DUE_S), await journeyInPact(OLD_DUE_S)];

  // The deploy: build A's worker drains and stops; build B's takes the same task queue.
  const deployStarted = Date.now();
  await product.worker.stop();
  workerB = new ServiceProcess('worker-b', 'apps/worker/dist/main.js', { ...product.env, WORKFLOW_BUNDLE_PATH: bundleB });
  workerB.start();
  await waitForWorker(workerB);
  const deploySeconds = (Date.now() - deployStarted) / 1000;
  // The old journeys' deadlines are still ahead: they fire on build B.
  for (const { dueDate } of old) expect(Date.parse(dueDate)).toBeGreaterThan(Date.now());

  const fresh = [await journeyInPact(NEW_DUE_S)];

  for (const { journeyId, dueDate } of [...old, ...fresh]) {
    const event = await overdueEvent(journeyId);
    // Each deadline fired at its due time, not before (and within the machine's slack after).
    expect(event.data.dueAt).toBe(new Date(dueDate).toISOString());
    expect(Date.parse(event.at)).toBeGreaterThanOrEqual(Date.parse(dueDate));
    expect(Date.parse(event.at) - Date.parse(dueDate)).toBeLessThan(60_000);
  }

  // The new behaviour on the new journeys only: the old ones decided at their start (on A) that they run without it.
  for (const { journeyId } of fresh) await eventually(async () => (await memoOf(journeyId))['releaseDrill'] === 'B' || undefined, `journey ${journeyId}'s memo`);
  for (const { journeyId } of old) expect(await memoOf(journeyId)).not.toHaveProperty('releaseDrill');

  // Every history replays on build B; the old ones on build A too (a rollback would keep them running).
  expect(await replayOn(bundleB, [...old, ...fresh].map((j) => j.journeyId))).toEqual([]);
  expect(await replayOn(BUNDLE_A, old.map((j) => j.journeyId))).toEqual([]);
  console.log(`[deploy-drill] worker replaced by build B in ${deploySeconds.toFixed(1)} s; ${old.length} old and ${fresh.length} new journeys checked`);
}, 600_000);
