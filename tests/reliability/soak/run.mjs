// `npm run soak`: the long reliability runs (tests/reliability/soak/*.soak.ts), which `npm test` leaves out
// (tests/run.mjs collects *.test.ts only). Same runner flags and summary line as tests/run.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.soak.ts') && (wanted.length === 0 || wanted.some((w) => name.includes(w))))
  .sort()
  .map((name) => relative(root, join(dir, name)));
if (files.length === 0) {
  console.error('no soak files found');
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tests/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, MNET_TEST: '1' } },
);
process.exit(result.status ?? 1);
