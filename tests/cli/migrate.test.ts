import assert from 'node:assert/strict';
import { request } from 'node:https';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/exit-codes';
import { run } from './capture';
import { startFixture, WS, type Fixture } from './emulator-fixture';

const POLICY = 'examples/demo-policy.yaml';
const LEGACY = WS('rg-ml-prod', 'ws-legacy');

describe('mnet migrate against an emulator', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture('demo');
  });
  afterEach(async () => {
    await fx.close();
  });

  const env = (): Record<string, string> => ({ USER: 'bob', MNET_SNAPSHOT_DIR: `${fx.dir}/snapshots` });
  const computes = async (): Promise<string[]> => {
    const res = await fetchJson(fx, `${LEGACY}/computes?api-version=2025-09-01`);
    return ((res as { value: { name: string }[] }).value ?? []).map((c) => c.name).sort();
  };

  it('--dry-run: lists the phases, deletes nothing', async () => {
    const r = await run(['migrate', ...fx.target, '--policy', POLICY, '--workspace', LEGACY, '--dry-run'], { env: env() });
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.match(r.stdout, /computes deleted and recreated after provisioning: cpu-cluster/);
    assert.match(r.stdout, /· migrate-computes:delete planned/);
    assert.match(r.stdout, /^result: dry-run$/m);
    assert.deepEqual(fx.writes(), []);
  });

  it('--yes: snapshots, deletes, changes the network, provisions, recreates every compute; exit 0', async () => {
    const before = await computes();
    const r = await run(['migrate', ...fx.target, '--policy', POLICY, '--workspace', LEGACY, '--yes'], { env: env() });
    assert.equal(r.code, EXIT.ok, r.stderr + r.stdout);
    const id = /Migrating \(migration id ([0-9a-f-]{36});/.exec(r.stdout)?.[1];
    assert.ok(id, 'prints the migration id');
    for (const phase of ['inventory', 'snapshot', 'delete', 'recreate', 'verify']) assert.match(r.stdout, new RegExp(`✔ migrate-computes:${phase} succeeded`));
    assert.match(r.stdout, /^result: migrated$/m);
    assert.deepEqual(await computes(), before);
    assert.ok(fx.writes().some((w) => w.method === 'DELETE' && w.path.endsWith('/computes/cpu-cluster')));
    // Resuming a finished migration is harmless: everything exists, nothing is recreated.
    const resumed = await run(['migrate', ...fx.target, '--policy', POLICY, '--workspace', LEGACY, '--resume', id, '--yes'], { env: env() });
    assert.equal(resumed.code, EXIT.ok, resumed.stderr + resumed.stdout);
    assert.match(resumed.stdout, /saved 5 compute\(s\) and 1 online endpoint\(s\)/);
  });

  it('--resume: a malformed id is a usage error, an unknown one too (no snapshots)', async () => {
    const bad = await run(['migrate', ...fx.target, '--policy', POLICY, '--workspace', LEGACY, '--resume', 'last']);
    assert.equal(bad.code, EXIT.usage);
    assert.match(bad.stderr, /--resume needs the migration id/);
    const unknown = await run(['migrate', ...fx.target, '--policy', POLICY, '--workspace', LEGACY, '--resume', '6f1c2a55-5f0e-4a8e-9d55-7f7b3c1e2d40', '--yes'], { env: env() });
    assert.equal(unknown.code, EXIT.usage);
    assert.match(unknown.stderr, /no snapshots for migration 6f1c2a55/);
  });

  it('without a terminal and without --yes: refuses (exit 2), nothing deleted', async () => {
    const r = await run(['migrate', ...fx.target, '--policy', POLICY, '--workspace', LEGACY], { env: env() });
    assert.equal(r.code, EXIT.usage);
    assert.match(r.stderr, /migrate asks for confirmation/);
    assert.deepEqual(fx.writes(), []);
  });
});

async function fetchJson(fx: Fixture, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(`${fx.emu.url}${path}`, { ca: fx.emu.caCertPem, headers: { authorization: 'Bearer t' }, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(JSON.parse(text) as unknown));
    });
    req.on('error', reject);
    req.end();
  });
}
