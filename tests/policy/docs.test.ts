import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_RULES, POLICY_RULE_IDS } from '../../src/policy/rule-ids';
import { parsePolicyText } from '../../src/policy/parse';

const root = join(__dirname, '..', '..');
const doc = readFileSync(join(root, 'docs/policy.md'), 'utf8');

test('docs/policy.md documents every rule id with its severity', () => {
  for (const id of POLICY_RULE_IDS) {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
    assert.ok(row, `no table row for ${id}`);
    const severity = POLICY_RULES[id].severity;
    assert.ok(row.includes(severity === 'error or warning' ? 'error or warning' : severity), `${id}: severity ${severity} not in "${row}"`);
  }
});

test('the full example in the docs is examples/policy.yaml and it is valid', () => {
  const block = /## A full example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const file = readFileSync(join(root, 'examples/policy.yaml'), 'utf8').replace(/^#.*\n/gm, '');
  assert.equal(block.trim(), file.trim());
  assert.equal(parsePolicyText(block, 'doc.yaml').ok, true);
});
