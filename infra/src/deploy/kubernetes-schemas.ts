import fs from 'node:fs';
import path from 'node:path';
import { buildOnce, goModuleDir, salCacheDir } from './go-tools';

/**
 * The Kubernetes release whose API the manifests are checked against. Its OpenAPI document (`api/openapi-spec/swagger.json`)
 * comes from the Go module k8s.io/kubernetes, through the Go module proxy: kubeconform's own schema download (a web
 * site) is not reachable, and not wanted, when the tests run.
 */
export const KUBERNETES_VERSION = '1.34.2';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/**
 * Turns Kubernetes' OpenAPI v2 definitions into kubeconform's schema files, one per kind and version
 * (`deployment-apps-v1.json`, `service-v1.json`, …), as `openapi2jsonschema --strict --standalone` would: each file holds
 * the definitions it reaches (references kept, recursion allowed), objects refuse unknown fields
 * (`additionalProperties: false` where the API lists the properties), `kind` and `apiVersion` are pinned,
 * IntOrString takes a string or an integer and Quantity a string or a number. Returns the number of files written.
 */
export function writeKubeconformSchemas(swagger: { definitions: Record<string, JsonObject> }, outDir: string): number {
  const definitions = swagger.definitions;
  let written = 0;
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, definition] of Object.entries(definitions)) {
    const gvks = (definition['x-kubernetes-group-version-kind'] as unknown as Gvk[] | undefined) ?? [];
    for (const gvk of gvks) {
      // Kinds whose schema only names the version of another (DeleteOptions, WatchEvent) are listed many times; the
      // definition whose name ends with the version is theirs.
      if (gvks.length > 1 && !name.includes(`.${gvk.version}.`)) continue;
      const reached = new Map<string, Json>();
      const queue = [name];
      while (queue.length > 0) {
        const next = queue.pop()!;
        if (reached.has(next)) continue;
        const source = definitions[next];
        if (!source) throw new Error(`the OpenAPI document refers to ${next}, which it does not define`);
        reached.set(next, convert(next, source, queue));
      }
      const root = structuredClone(reached.get(name)) as JsonObject;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      const properties = (root['properties'] ?? {}) as JsonObject;
      properties['kind'] = { type: 'string', enum: [gvk.kind] };
      properties['apiVersion'] = { type: 'string', enum: [apiVersion] };
      root['properties'] = properties;
      root['definitions'] = Object.fromEntries(reached);
      const suffix = gvk.group ? `-${gvk.group.split('.')[0]}-${gvk.version}` : `-${gvk.version}`;
      fs.writeFileSync(path.join(outDir, `${gvk.kind.toLowerCase()}${suffix.toLowerCase()}.json`), JSON.stringify(root));
      written += 1;
    }
  }
  return written;
}

function convert(name: string, definition: JsonObject, queue: string[]): Json {
  if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') return { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return { oneOf: [{ type: 'string' }, { type: 'number' }] };
  return walk(definition, queue);
}

function walk(node: Json, queue: string[]): Json {
  if (Array.isArray(node)) return node.map((item) => walk(item, queue));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'description') continue;
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      // Property names are data, not keywords: walk each value, keep each name.
      out[key] = Object.fromEntries(Object.entries(value).map(([property, schema]) => [property, walk(schema, queue)]));
      continue;
    }
    if (key === '$ref' && typeof value === 'string') {
      const target = value.replace(/^#\/definitions\//, '');
      queue.push(target);
      out[key] = `#/definitions/${target}`;
      continue;
    }
    out[key] = walk(value, queue);
  }
  if (out['properties'] && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  return out;
}

/**
 * The folder of kubeconform schema files for {@link KUBERNETES_VERSION}, generated once per machine into
 * `~/.cache/sal-journey/kubernetes-json-schema/v<version>-standalone-strict/` from the k8s.io/kubernetes Go module.
 */
export async function kubernetesSchemaDir(): Promise<string> {
  const dir = salCacheDir('kubernetes-json-schema', `v${KUBERNETES_VERSION}-standalone-strict`);
  const marker = path.join(dir, '.complete');
  await buildOnce(
    dir,
    () => fs.existsSync(marker),
    async () => {
      const moduleDir = await goModuleDir('k8s.io/kubernetes', `v${KUBERNETES_VERSION}`);
      const swagger = JSON.parse(fs.readFileSync(path.join(moduleDir, 'api', 'openapi-spec', 'swagger.json'), 'utf8'));
      const count = writeKubeconformSchemas(swagger, dir);
      fs.writeFileSync(marker, `${count} schemas from k8s.io/kubernetes@v${KUBERNETES_VERSION} api/openapi-spec/swagger.json\n`);
    },
    `the Kubernetes ${KUBERNETES_VERSION} schemas`,
  );
  return dir;
}
