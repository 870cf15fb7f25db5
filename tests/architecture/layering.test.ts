import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

function rel(path: string): string {
  return relative(ROOT, path).split('\\').join('/');
}

/** Runtime import specifiers of a file (static imports, re-exports, require, dynamic import); type-only imports carry no code. */
function imports(text: string): string[] {
  const found: string[] = [];
  const runtime = text.replace(/^import type [^;]*;/gm, '');
  for (const m of runtime.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) if (m[1]) found.push(m[1]);
  return found;
}

/** Pure helpers that live beside the ARM client: deterministic names, no requests. */
const PURE_CLIENT_MODULES = /\/arm\/client\/role-names$/;

// Only the CLI (`mnet emulator`, `mnet demo`) and the demo may start the emulator; the Functions app never does.
const MAY_USE_EMULATOR = ['src/emulator/', 'src/cli/', 'src/demo/'];

test('production code never imports the emulator', () => {
  const offenders = sources(join(ROOT, 'src'))
    .filter((f) => !MAY_USE_EMULATOR.some((p) => rel(f).startsWith(p)))
    .filter((f) => imports(readFileSync(f, 'utf8')).some((i) => /(^|\/)emulator(\/|$)/.test(i)))
    .map(rel);
  assert.deepEqual(offenders, []);
});

test('pure modules (catalog, policy, planner, drift) do no I/O and read no clock', () => {
  const pure = ['src/catalog', 'src/planner', 'src/drift', 'src/policy'];
  // src/policy/load.ts is the one file that reads the policy file from disk.
  const allowed = new Set(['src/policy/load.ts']);
  const io = /^(node:)?(fs|fs\/promises|http|https|net|child_process)$|^@azure\/(core-rest-pipeline|core-client|identity)$|\/arm\/client/;
  const offenders: string[] = [];
  for (const dir of pure) {
    for (const f of sources(join(ROOT, dir))) {
      if (allowed.has(rel(f))) continue;
      const text = readFileSync(f, 'utf8');
      if (imports(text).some((i) => io.test(i) && !PURE_CLIENT_MODULES.test(i))) offenders.push(`${rel(f)}: I/O import`);
      if (/Date\.now\(|new Date\(\)|process\.env/.test(text)) offenders.push(`${rel(f)}: clock or environment`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('orchestrators are deterministic: no wall clock, randomness, environment or timers', () => {
  const offenders: string[] = [];
  for (const f of sources(join(ROOT, 'src', 'durable', 'orchestrators'))) {
    const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/^import type [^;]*;/gm, '');
    for (const [what, re] of [
      ['Date.now', /Date\.now\(/],
      ['new Date()', /new Date\(\s*\)/],
      ['Math.random', /Math\.random\(/],
      ['process.env', /process\.env/],
      ['setTimeout', /setTimeout\(|setInterval\(/],
      ['I/O import', /from\s+['"](node:)?(fs|https?|net)['"]|arm\/client/],
    ] as const) {
      if (re.test(text)) offenders.push(`${rel(f)}: ${what}`);
    }
  }
  assert.deepEqual(offenders, []);
});
