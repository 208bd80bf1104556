import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '../repo-root';
import { parseAllDocuments } from 'yaml';
import { kubeconform } from './kubeconform';
import { kustomizeBuild, KUSTOMIZE_VERSION } from './kustomize';
import { KUBERNETES_VERSION } from './kubernetes-schemas';
import { kubernetesResources, manifestFiles, readManifests } from './manifests';

/**
 * The Kubernetes manifests, validated by kubeconform (built from its Go module) against the schemas of the Kubernetes
 * API (generated from k8s.io/kubernetes' OpenAPI document, from the Go module proxy): strict, so an unknown or
 * misspelt field fails, as a wrong type or a missing required field does. The first run on a machine builds kubeconform,
 * the schemas and kustomize (4 min 40 s measured here with an empty Go build cache); later runs take a few seconds.
 */

const root = findRepoRoot();
const resourceFiles = [...new Set(kubernetesResources(root).map((m) => m.file))];

jest.setTimeout(15 * 60_000);

describe(`the manifests in infra/k8s, against Kubernetes ${KUBERNETES_VERSION}`, () => {
  it('are all valid: every resource of every file, none skipped', async () => {
    const report = await kubeconform(resourceFiles.map((f) => path.join(root, f)));
    const problems = report.resources.filter((r) => r.status !== 'statusValid').map((r) => `${r.filename} ${r.kind}/${r.name}: ${r.status} ${r.msg}`);
    expect(problems).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.resources.length).toBe(kubernetesResources(root).length);
    expect(report.resources.map((r) => r.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'Deployment', 'Job', 'PodDisruptionBudget', 'PodDisruptionBudget', 'Secret', 'Secret', 'Secret', 'Service'].sort(),
    );
  });

  it('would catch a misspelt field, a wrong type and an unknown kind (the check can fail)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconform-'));
    try {
      const deployment = fs.readFileSync(path.join(root, 'infra/k8s/base/api-deployment.yaml'), 'utf8');
      fs.writeFileSync(path.join(dir, 'misspelt.yaml'), deployment.replace('readinessProbe:', 'readynessProbe:'));
      fs.writeFileSync(path.join(dir, 'wrong-type.yaml'), deployment.replace('replicas: 2', 'replicas: two'));
      fs.writeFileSync(path.join(dir, 'unknown.yaml'), 'apiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: g\n');
      const report = await kubeconform(['misspelt.yaml', 'wrong-type.yaml', 'unknown.yaml'].map((f) => path.join(dir, f)));
      const byFile = Object.fromEntries(report.resources.map((r) => [path.basename(r.filename), r]));
      expect(byFile['misspelt.yaml']).toMatchObject({ status: 'statusInvalid', msg: expect.stringContaining('readynessProbe') });
      expect(byFile['wrong-type.yaml']).toMatchObject({ status: 'statusInvalid', msg: expect.stringContaining('replicas') });
      expect(byFile['unknown.yaml']).toMatchObject({ status: 'statusError' });
      expect(report.exitCode).not.toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['base', 'migrate'])(`render with kustomize ${KUSTOMIZE_VERSION} (infra/k8s/%s) into valid resources with the release's images`, async (dir) => {
    const rendered = await kustomizeBuild(path.join(root, 'infra/k8s', dir));
    const documents = parseAllDocuments(rendered).map((d) => d.toJS() as { kind: string; metadata: { labels?: Record<string, string> }; spec?: any });
    expect(documents.length).toBe(dir === 'base' ? 6 : 1);
    for (const d of documents) expect(d.metadata.labels?.['app.kubernetes.io/part-of']).toBe('sal-journeys');
    const images = documents.flatMap((d) => (d.spec?.template?.spec?.containers ?? []).map((c: { image: string }) => c.image));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^registry\.example\.org\/sal\/sal-journeys-(api|worker):\d+\.\d+\.\d+$/);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kustomize-'));
    try {
      fs.writeFileSync(path.join(scratch, `${dir}.yaml`), rendered);
      const report = await kubeconform([path.join(scratch, `${dir}.yaml`)]);
      expect(report.resources.filter((r) => r.status !== 'statusValid')).toEqual([]);
      expect(report.resources.length).toBe(documents.length);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('each kustomization lists exactly the resource files beside it', () => {
    const kustomizations = readManifests(root).filter((m) => m.kind === 'Kustomization');
    expect(kustomizations.map((k) => k.file).sort()).toEqual(['infra/k8s/base/kustomization.yaml', 'infra/k8s/migrate/kustomization.yaml']);
    for (const k of kustomizations) {
      const dir = path.posix.dirname(k.file);
      const beside = manifestFiles(root).filter((f) => path.posix.dirname(f) === dir && f !== k.file).map((f) => path.posix.basename(f));
      expect([...(k['resources'] as string[])].sort()).toEqual(beside.sort());
    }
  });
});
