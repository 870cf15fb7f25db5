import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXIT } from '../../src/cli/exit-codes';
import { COMMANDS, findCommand } from '../../src/cli/commands';
import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { run } from './capture';

test('unknown command: exit 2, names the commands', async () => {
  const r = await run(['frobnicate']);
  assert.equal(r.code, EXIT.usage);
  assert.match(r.stderr, /unknown command "frobnicate"/);
  assert.match(r.stderr, /validate, plan/);
  assert.match((await run(['plna'])).stderr, /unknown command "plna"/);
  assert.match((await run(['val'])).stderr, /did you mean "validate"/);
});

test('unknown flag: exit 2', async () => {
  const r = await run(['validate', '--strict', 'examples/policy.yaml']);
  assert.equal(r.code, EXIT.usage);
  assert.match(r.stderr, /unknown option --strict/);
  assert.match(r.stderr, /mnet validate --help/);
  assert.equal((await run(['--bogus'])).code, EXIT.usage);
});

test('--help, help <command>, <command> --help, --version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, EXIT.ok);
  const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const c of COMMANDS) assert.match(help.stdout, new RegExp(`^  ${c.name}\\s+${literal(c.summary)}$`, 'm'));
  const planHelp = await run(['plan', '--help']);
  assert.equal(planHelp.code, EXIT.ok);
  assert.match(planHelp.stdout, /--state <file>/);
  assert.equal((await run(['help', 'validate'])).stdout, (await run(['validate', '-h'])).stdout);
  const version = await run(['--version']);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  assert.equal(version.stdout, `${pkg.version}\n`);
});

test('no command: help on stderr, exit 2', async () => {
  const r = await run([]);
  assert.equal(r.code, EXIT.usage);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Usage: mnet <command>/);
});

test('the command table has unique names and every command documents its usage', () => {
  const names = COMMANDS.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
  for (const c of COMMANDS) {
    assert.ok(c.usage.length > 0 && c.usage.every((u) => u.startsWith(`mnet ${c.name}`)), c.name);
    assert.equal(findCommand(c.name), c);
  }
});

test('argument parser: --opt=value, --, repeated options, flags with values', () => {
  const specs = [{ name: 'policy', value: 'file', description: '' }, { name: 'json', description: '' }];
  assert.deepEqual(parseArgs(['--policy=a.yaml', '--json', '--', '--not-an-option'], specs), {
    positionals: ['--not-an-option'],
    options: { policy: 'a.yaml', json: true },
  });
  assert.throws(() => parseArgs(['--policy', 'a', '--policy', 'b'], specs), UsageError);
  assert.throws(() => parseArgs(['--json=yes'], specs), /takes no value/);
  assert.throws(() => parseArgs(['--policy', '--json'], specs), /needs a value/);
});
