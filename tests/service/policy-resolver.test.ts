import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statusOf } from '../../src/http/problem';
import { FilePolicyResolver, PolicyLoadError } from '../../src/service/policy-resolver';
import { ServiceError } from '../../src/service/service-error';
import { filePolicySources, packagePath, PACKAGE_ROOT } from '../../src/service/policy-sources';
import { RAW_POLICY, memoryPolicySources } from '../functions/support/fakes';

test('named policies are looked up among the folder files only, and cached', async () => {
  const sources = memoryPolicySources();
  const resolver = new FilePolicyResolver(sources);
  const a = await resolver.resolve('strict');
  const b = await resolver.resolve('strict');
  assert.ok(a.ok && b.ok);
  assert.equal(a.policy.name, 'strict');
  assert.deepEqual(sources.loads, ['policies/strict.yaml']);
  for (const bad of ['../baseline', 'policies/strict', 'strict.yaml', '.', '', 'a'.repeat(65)]) {
    const r = await resolver.resolve(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.equal(r.problems[0]?.rule, 'policy-name');
  }
  assert.deepEqual(sources.loads, ['policies/strict.yaml']);
});

test('unknown names list the known ones; invalid inline policies report paths under policy', async () => {
  const resolver = new FilePolicyResolver(memoryPolicySources());
  const unknown = await resolver.resolve('prod');
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.equal(unknown.problems[0]?.message, 'unknown policy "prod"; known policies: baseline, strict');
  const inline = await resolver.resolve({ ...RAW_POLICY, managed_network: { isolation_mode: 'open' } });
  assert.equal(inline.ok, false);
  if (!inline.ok) assert.ok(inline.problems.some((p) => p.path === 'policy.managed_network.isolation_mode' && p.rule === 'isolation-mode'));
  const wrongType = await resolver.resolve(42);
  assert.equal(wrongType.ok, false);
});

test('an invalid named file reports its problems under its name', async () => {
  const resolver = new FilePolicyResolver(memoryPolicySources({ 'broken.yaml': { scope: 1 } }));
  const r = await resolver.resolve('broken');
  assert.equal(r.ok, false);
  if (!r.ok) assert.ok(r.problems.every((p) => p.path.startsWith('policy(broken)')));
});

test('the default policy is loaded once; a broken one throws PolicyLoadError and is retried', async () => {
  const files: Record<string, unknown> = { 'baseline.yaml': { scope: 1 } };
  const sources = memoryPolicySources(files);
  const resolver = new FilePolicyResolver(sources);
  await assert.rejects(resolver.defaultPolicy(), PolicyLoadError);
  files['baseline.yaml'] = RAW_POLICY;
  assert.equal((await resolver.defaultPolicy()).name, 'baseline');
  await resolver.defaultPolicy();
  assert.equal(sources.loads.length, 2);
});

test('file sources read the example policies shipped in the package', async () => {
  assert.equal(packagePath('examples'), `${PACKAGE_ROOT}/examples`);
  assert.equal(packagePath('/abs/p.yaml'), '/abs/p.yaml');
  const resolver = new FilePolicyResolver(filePolicySources('examples/policy.yaml', 'examples'));
  const policy = await resolver.defaultPolicy();
  assert.equal(policy.name, 'data-science-approved-outbound');
  const named = await resolver.resolve('policy-internet');
  assert.equal(named.ok, true);
  const missing = await resolver.resolve('nope');
  assert.equal(missing.ok, false);
});

test('a missing policy folder means no named policies; an unreadable one is a 503, never "none"', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-pol-'));
  try {
    const absent = await new FilePolicyResolver(filePolicySources('examples/policy.yaml', join(dir, 'nope'))).resolve('strict');
    assert.equal(absent.ok, false);
    if (!absent.ok) assert.equal(absent.problems[0]?.rule, 'unknown-policy');
    // A folder path that is a file: readdir fails with ENOTDIR (as EACCES would for a locked folder).
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const resolver = new FilePolicyResolver(filePolicySources('examples/policy.yaml', file));
    await assert.rejects(resolver.resolve('strict'), (e: unknown) => {
      assert.ok(e instanceof ServiceError);
      assert.equal(e.kind, 'unavailable');
      assert.equal(statusOf(e.kind), 503);
      assert.match(e.detail, /MNET_POLICY_DIR.*ENOTDIR/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
