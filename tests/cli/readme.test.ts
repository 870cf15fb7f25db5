/** The README's reference parts stay in step with the code: settings, exit codes, commands. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMMANDS } from '../../src/cli/commands';
import { exitCodeTable, settingsTable } from './readme-tables';

const readme = readFileSync('README.md', 'utf8');

function between(marker: string): string {
  const m = new RegExp(`<!-- ${marker}:start -->\\n([\\s\\S]*?)\\n<!-- ${marker}:end -->`).exec(readme);
  assert.ok(m?.[1], `README has the ${marker} markers`);
  return m[1];
}

test('README configuration table = src/config/settings.ts (regenerate: node --import tsx tests/cli/readme-tables.ts)', () => {
  assert.equal(between('settings'), settingsTable());
});

test('README exit codes = src/cli/exit-codes.ts', () => {
  assert.equal(between('exit-codes'), exitCodeTable());
});

test('README documents every command, the two first commands and the docs', () => {
  for (const c of COMMANDS) assert.match(readme, new RegExp(`\\| \`mnet ${c.name}[ \`]`), c.name);
  assert.match(readme, /npm ci && npm run demo/);
  assert.match(readme, /^npm test/m);
  for (const doc of ['docs/policy.md', 'docs/api.md', 'docs/reliability.md', 'docs/performance.md', 'infra/README.md']) assert.ok(readme.includes(`](${doc})`), doc);
  assert.match(readme, /```mermaid\nflowchart LR/);
});
