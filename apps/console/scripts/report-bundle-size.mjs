// After `vite build`: prints the gzipped size of the JavaScript a first visit loads (the entry script and the chunks
// index.html preloads) and fails the build above the budget. Lazily loaded chunks are listed but not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = 250;
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
const kb = (file) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
let total = 0;
for (const file of initial) {
  const size = kb(file);
  total += size;
  console.log(`  initial  ${size.toFixed(1).padStart(7)} KB gz  ${file}`);
}
for (const name of readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'))) {
  const file = `assets/${name}`;
  if (!initial.has(file)) console.log(`  lazy     ${kb(file).toFixed(1).padStart(7)} KB gz  ${file}`);
}
console.log(`console: initial JavaScript ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB) {
  console.error(`console: initial JavaScript is over the budget of ${BUDGET_KB} KB gzipped`);
  process.exit(1);
}
