import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../repo-root';

/** Where the Kubernetes manifests live, relative to the repository root. */
export const K8S_DIR = 'infra/k8s';

export interface Manifest {
  /** The file, relative to the repository root. */
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Every `.yaml` file under infra/k8s (kustomization files included), relative to the repository root, sorted. */
export function manifestFiles(root: string = findRepoRoot()): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) visit(rel);
      else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml')) out.push(rel);
    }
  };
  visit(K8S_DIR);
  return out.sort();
}

/** The Kubernetes resources (not the Kustomizations) of every manifest file, each document parsed strictly. */
export function readManifests(root: string = findRepoRoot()): Manifest[] {
  const manifests: Manifest[] = [];
  for (const file of manifestFiles(root)) {
    for (const document of parseAllDocuments(fs.readFileSync(path.join(root, file), 'utf8'), { uniqueKeys: true })) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
      const value = document.toJS() as Record<string, unknown> | null;
      if (value) manifests.push({ ...value, file } as Manifest);
    }
  }
  return manifests;
}

/** Kubernetes resources only: what a cluster would be sent (Kustomization files are kustomize's input). */
export function kubernetesResources(root: string = findRepoRoot()): Manifest[] {
  return readManifests(root).filter((m) => !m.apiVersion.startsWith('kustomize.config.k8s.io/'));
}
