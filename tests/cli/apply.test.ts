import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/exit-codes';
import { run } from './capture';
import { startFixture, WS, type Fixture } from './emulator-fixture';

const POLICY = 'examples/demo-policy.yaml';
const INTERNET = WS('rg-ml-prod', 'ws-internet');

describe('mnet apply against an emulator', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture('demo');
  });
  afterEach(async () => {
    await fx.close();
  });

  const args = (...extra: string[]): string[] => ['apply', ...fx.target, '--policy', POLICY, '--workspace', INTERNET, ...extra];
  const env = (): Record<string, string> => ({ USER: 'alice', MNET_SNAPSHOT_DIR: `${fx.dir}/snapshots` });
  const mode = async (): Promise<string | undefined> => (await fx.emu.state.db.workspaces.get(INTERNET.toLowerCase()))?.managedNetwork.isolationMode;

  it('without a terminal and without --yes: refuses with exit 2 after showing the plan, writes nothing', async () => {
    const r = await run(args(), { env: env() });
    assert.equal(r.code, EXIT.usage);
    assert.match(r.stdout, /^Plan for ws-internet \(Default\)/m);
    assert.match(r.stderr, /^mnet: apply asks for confirmation before changing anything, and no terminal is attached to answer it$/m);
    assert.match(r.stderr, /--yes/);
    assert.deepEqual(fx.writes(), []);
  });

  it('answering N at the prompt: exit 1, nothing written', async () => {
    const r = await run(args(), { env: env(), answers: ['n'] });
    assert.equal(r.code, EXIT.failed);
    assert.match(r.stderr, /Apply these \d+ step\(s\) to ws-internet\? \[y\/N\] /);
    assert.match(r.stderr, /not confirmed: nothing was changed/);
    assert.deepEqual(fx.writes(), []);
  });

  it('--dry-run: the orchestration plans every step and writes nothing (no prompt needed)', async () => {
    const r = await run(args('--dry-run'), { env: env() });
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.match(r.stdout, /^Dry run \(nothing is written\):$/m);
    assert.match(r.stdout, /· set-isolation-mode planned/);
    assert.match(r.stdout, /^result: dry-run$/m);
    assert.deepEqual(fx.writes(), []);
  });

  it('answering y: runs onboardWorkspace to the end, one line per step, approval given by the confirmation', async () => {
    const before = fx.clock.now();
    const r = await run(args(), { env: env(), answers: ['y'] });
    assert.equal(r.code, EXIT.ok, r.stderr + r.stdout);
    assert.match(r.stdout, /✔ set-isolation-mode succeeded: isolationMode: AllowInternetOutbound -> AllowOnlyApprovedOutbound/);
    assert.match(r.stdout, /✔ provision-network succeeded/);
    assert.match(r.stdout, /^result: applied$/m);
    assert.equal(await mode(), 'AllowOnlyApprovedOutbound');
    assert.ok(fx.clock.now() > before, 'the CLI moved the emulator\'s clock instead of waiting');
    // Running it again: compliant, nothing to do.
    const again = await run(args('--yes'), { env: env() });
    assert.equal(again.code, EXIT.ok);
    assert.match(again.stdout, /compliant: nothing to do/);
  });

  it('--yes without a terminal applies; a workspace outside the policy scope exits 1', async () => {
    const r = await run(args('--yes'), { env: env() });
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.equal(await mode(), 'AllowOnlyApprovedOutbound');
    const locked = await run(['apply', ...fx.target, '--policy', POLICY, '--workspace', WS('rg-ml-locked', 'ws-locked'), '--yes'], { env: env() });
    assert.equal(locked.code, EXIT.failed);
    assert.match(locked.stderr, /ws-locked is outside the scope of policy "contoso-ml-approved-outbound": excluded/);
  });

  it('usage errors: missing --workspace, a malformed id, a workspace that does not exist', async () => {
    assert.match((await run(['apply', ...fx.target, '--policy', POLICY])).stderr, /apply needs --workspace <id>/);
    const bad = await run(['apply', ...fx.target, '--policy', POLICY, '--workspace', 'ws-internet']);
    assert.equal(bad.code, EXIT.usage);
    assert.match(bad.stderr, /--workspace needs a workspace resource id/);
    const missing = await run(['apply', ...fx.target, '--policy', POLICY, '--workspace', WS('rg-ml-prod', 'ws-nope'), '--yes'], { env: env() });
    assert.equal(missing.code, EXIT.usage);
    assert.match(missing.stderr, /workspace .*ws-nope does not exist/);
  });
});
