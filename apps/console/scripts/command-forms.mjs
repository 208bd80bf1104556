// The journey's commands as the console's generic form reads them: from the API's OpenAPI document (itself derived
// from `JOURNEY_COMMANDS` of @sal/contracts), each command's route, path ids and body shape, resolved and compacted
// (no descriptions: the console's labels come from its catalogue). `operatorId` and `onBehalfOf` are left out: the
// actor of a command is the token's subject.
// Usage: node scripts/command-forms.mjs <openapi.json> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(input, 'utf8'));
const schemas = doc.components.schemas;
const ACTOR = new Set(['operatorId', 'onBehalfOf']);
const KEEP = ['type', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength', 'minItems', 'maxItems'];

function compact(schema) {
  const s = schema.$ref ? schemas[schema.$ref.split('/').pop()] : schema;
  if (s.anyOf || s.oneOf) return compact((s.anyOf ?? s.oneOf).find((v) => v.type !== 'null'));
  const out = Object.fromEntries(KEEP.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).filter(([name]) => !ACTOR.has(name)).map(([name, p]) => [name, compact(p)]));
    out.required = (s.required ?? []).filter((name) => !ACTOR.has(name));
  }
  if (s.items) out.items = compact(s.items);
  return out;
}

const commands = [];
for (const [path, item] of Object.entries(doc.paths)) {
  const op = item.post;
  const body = op?.requestBody?.content?.['application/json']?.schema;
  if (!path.startsWith('/journeys/{journeyId}/') || !op?.operationId?.startsWith('JourneyCommandsController_') || !body) continue;
  const name = op.operationId.slice('JourneyCommandsController_'.length);
  commands.push({
    type: name[0].toUpperCase() + name.slice(1),
    path,
    params: (op.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'journeyId').map((p) => ({ name: p.name, ...compact(p.schema ?? {}) })),
    body: compact(body),
  });
}
writeFileSync(output, `${JSON.stringify(commands, null, 1)}\n`);
console.log(`${commands.length} commands written to ${output}`);
