/**
 * Bad input: malformed policies and Event Grid deliveries, each refused (or, for events, acknowledged and
 * ignored) with a message naming what is wrong. HTTP bodies have their own corpus in tests/http/bad-input.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventGridEvent } from '@azure/functions';
import { LocalDurableHost, VirtualClock } from '../../src/durable/local-host';
import { activities, orchestrators } from '../../src/durable/registry';
import { eventGridWorkspaceChanged } from '../../src/functions/event-grid-workspace-changed';
import { formatProblem, parsePolicyText, POLICY_RULE_IDS } from '../../src/policy';
import { invocation } from '../functions/support/fakes';
import { EVENT_CORPUS, EVENT_POLICY, EVENT_SUB, EVENT_SUB2, VALID_EVENT } from './corpus/events';
import { POLICY_CORPUS, validPolicyText } from './corpus/policies';
import { installHostServices } from './support/services';

test(`${POLICY_CORPUS.length} malformed policies are refused, each naming the rule, the place and what is wrong`, () => {
  assert.ok(POLICY_CORPUS.length >= 60);
  const control = parsePolicyText(validPolicyText(), 'control.yaml');
  assert.ok(control.ok, `the unmutated policy must pass: ${control.ok ? '' : control.problems.map(formatProblem).join('; ')}`);
  for (const k of POLICY_CORPUS) {
    const result = parsePolicyText(k.text, 'corpus.yaml');
    assert.equal(result.ok, false, `${k.name}: accepted`);
    if (result.ok) continue;
    const lines = result.problems.map(formatProblem);
    const hit = result.problems.find((p) => p.rule === k.rule && p.path.includes(k.path) && formatProblem(p).toLowerCase().includes(k.needle.toLowerCase()));
    assert.ok(hit, `${k.name}: expected [${k.rule}] at "${k.path}" mentioning "${k.needle}", got:\n${lines.join('\n')}`);
    for (const p of result.problems) {
      assert.ok((POLICY_RULE_IDS as readonly string[]).includes(p.rule), `${k.name}: unknown rule id ${p.rule}`);
      assert.ok(p.message.trim().length >= 10, `${k.name}: message too terse: "${p.message}"`);
      assert.ok((p.line ?? 0) >= 1, `${k.name}: no line for ${formatProblem(p)}`);
    }
  }
});

test(`${EVENT_CORPUS.length} malformed or irrelevant Event Grid deliveries are acknowledged, ignored with a reason, and start nothing`, async () => {
  const host = new LocalDurableHost({ orchestrators, activities, clock: new VirtualClock() });
  installHostServices(() => host, [EVENT_SUB, EVENT_SUB2], EVENT_POLICY);
  assert.ok(EVENT_CORPUS.length >= 40);
  for (const k of EVENT_CORPUS) {
    const { context, logs } = invocation('eventGridWorkspaceChanged');
    const outcome = await eventGridWorkspaceChanged(k.event as EventGridEvent, context);
    assert.deepEqual(outcome, { action: 'ignored', reason: k.reason }, k.name);
    const logged = logs.find((l) => l.entry['event'] === 'event.ignored');
    assert.equal(logged?.entry['reason'], k.reason, `${k.name}: the log line gives the reason`);
  }
  assert.deepEqual(await host.listInstances(), [], 'no orchestration was started');
  // Control: the same wiring does start an onboarding for a well-formed event.
  const control = await eventGridWorkspaceChanged(VALID_EVENT, invocation('eventGridWorkspaceChanged').context);
  assert.equal(control.action, 'started');
  assert.equal((await host.listInstances()).length, 1);
});
