import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem } from '../../src/policy/format';
import { parsePolicyText } from '../../src/policy/parse';
import { formatPath } from '../../src/policy/paths';
import { SUB1, allProblems } from './helpers';

test('formats one line: file:line:col path: message [rule]', () => {
  assert.equal(
    formatProblem({ source: 'p.yaml', line: 12, column: 7, path: 'managed_network.outbound_rules[2] (name: pypi)', message: 'FQDN rules support ports 80 and 443 only', rule: 'fqdn-ports' }),
    'p.yaml:12:7 managed_network.outbound_rules[2] (name: pypi): FQDN rules support ports 80 and 443 only [fqdn-ports]',
  );
});

test('formats warnings, problems without a position and problems without a path', () => {
  assert.equal(formatProblem({ path: 'a.b', message: 'm', rule: 'r', severity: 'warning' }), 'a.b: warning: m [r]');
  assert.equal(formatProblem({ source: 'f.yaml', path: '', message: 'm', rule: 'r', line: 1, column: 2 }), 'f.yaml:1:2: m [r]');
  assert.equal(formatProblem({ path: '', message: 'm', rule: 'r' }), 'm [r]');
});

test('paths name list items by their rule name', () => {
  const raw = { managed_network: { outbound_rules: [{ name: 'a' }, { name: 'b', destination: {} }, { type: 'fqdn' }] } };
  assert.equal(formatPath(['managed_network', 'outbound_rules', 1], raw), 'managed_network.outbound_rules[1] (name: b)');
  assert.equal(formatPath(['managed_network', 'outbound_rules', 1, 'destination', 'port_ranges'], raw), 'managed_network.outbound_rules[1] (name: b).destination.port_ranges');
  assert.equal(formatPath(['managed_network', 'outbound_rules', 2], raw), 'managed_network.outbound_rules[2]');
  assert.equal(formatPath(['scope', 'subscriptions', 0], raw), 'scope.subscriptions[0]');
});

test('problems point at the line and column of the offending value', () => {
  const text = [
    'scope:',
    `  subscriptions: ['${SUB1}']`,
    'managed_network:',
    '  isolation_mode: allow_only_approved_outbound',
    '  outbound_rules:',
    '    - name: ok-rule',
    '      type: fqdn',
    '      destination: pypi.org',
    '    - name: pypi',
    '      type: fqdn',
    '      destination: pypi.org:8080',
    'provisioning:',
    '  provison_now: true',
  ].join('\n');
  const lines = allProblems(parsePolicyText(text, 'p.yaml')).map(formatProblem);
  assert.ok(lines.includes('p.yaml:11:20 managed_network.outbound_rules[1] (name: pypi): FQDN rules support ports 80 and 443 only (got 8080) [fqdn-ports]'), lines.join('\n'));
  assert.ok(lines.includes('p.yaml:13:3 provisioning.provison_now: unknown key "provison_now" here (did you mean "provision_now"?) [unknown-key]'), lines.join('\n'));
});

test('every problem of a parsed file has a position and the file name', () => {
  const r = parsePolicyText('scope: {}\nmanaged_network: {isolation_mode: nope}\nextra: 1\n', 'x.yaml');
  const problems = allProblems(r);
  assert.ok(problems.length >= 3);
  for (const p of problems) {
    assert.equal(p.source, 'x.yaml');
    assert.ok((p.line ?? 0) >= 1 && (p.column ?? 0) >= 1, JSON.stringify(p));
  }
});
