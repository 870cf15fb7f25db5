// Runs the test suite with node:test (TypeScript through tsx) and closes with "N passed, N failed".
// Usage: node tests/run.mjs [file-or-directory ...]   (default: every *.test.ts under tests/)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function collect(path, out) {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      collect(join(path, name), out);
    }
  } else if (path.endsWith('.test.ts')) {
    out.push(relative(root, path));
  }
  return out;
}

const targets = process.argv.slice(2);
const files = [];
for (const t of targets.length > 0 ? targets : ['tests']) collect(join(root, t), files);
if (files.length === 0) {
  console.error('no test files found');
  console.log('0 passed, 0 failed');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tests/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, MNET_TEST: '1' } },
);
process.exit(result.status ?? 1);
