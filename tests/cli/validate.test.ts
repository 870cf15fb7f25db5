import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT } from '../../src/cli/exit-codes';
import { run } from './capture';

const FIX = 'tests/cli/fixtures';

test('validate: the example policy is valid and counts its rules', async () => {
  const r = await run(['validate', 'examples/policy.yaml']);
  assert.equal(r.code, EXIT.ok, r.stderr);
  assert.match(r.stdout, /^examples\/policy\.yaml: valid \(\d+ rules, \d+ from rule packs\)\n$/);
});

test('validate: rule counts include pack rules resolved per workspace', async () => {
  const r = await run(['validate', `${FIX}/valid-small.yaml`]);
  assert.equal(r.code, EXIT.ok);
  assert.equal(r.stdout, `${FIX}/valid-small.yaml: valid (3 rules, 2 from rule packs)\n`);
});

test('validate: three mistakes give three lines with line:col and rule, exit 1', async () => {
  const r = await run(['validate', `${FIX}/three-mistakes.yaml`]);
  assert.equal(r.code, EXIT.failed);
  assert.equal(r.outLines.length, 3, r.stdout);
  assert.match(r.outLines[0] ?? '', /^tests\/cli\/fixtures\/three-mistakes\.yaml:10:\d+ .*\[fqdn-storage-in-approved-mode\]$/);
  assert.match(r.outLines[1] ?? '', /:11:\d+ .*\[rule-name-format\]$/);
  assert.match(r.outLines[2] ?? '', /:14:\d+ .*python_packagez.*\[rule-pack-unknown\]$/);
  assert.match(r.stderr, /invalid \(3 problems\)/);
});

test('validate: a YAML syntax error is invalid (exit 1) with the parser line and column', async () => {
  const r = await run(['validate', `${FIX}/syntax-error.yaml`]);
  assert.equal(r.code, EXIT.failed);
  assert.equal(r.outLines.length, 1);
  assert.match(r.outLines[0] ?? '', /^tests\/cli\/fixtures\/syntax-error\.yaml:\d+:\d+: .*\[yaml-syntax\]$/);
});

test('validate: a missing file is a usage error (exit 2) without a stack trace', async () => {
  const r = await run(['validate', `${FIX}/does-not-exist.yaml`]);
  assert.equal(r.code, EXIT.usage);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^mnet: policy file not found: tests\/cli\/fixtures\/does-not-exist\.yaml\n$/);
  assert.doesNotMatch(r.stderr, /\s+at\s/);
});

test('validate: a missing or extra argument is a usage error', async () => {
  const none = await run(['validate']);
  assert.equal(none.code, EXIT.usage);
  assert.match(none.stderr, /validate needs a policy file/);
  const two = await run(['validate', 'a.yaml', 'b.yaml']);
  assert.equal(two.code, EXIT.usage);
});
