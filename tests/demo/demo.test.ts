/**
 * The demo end to end, in-process: runs every phase against the emulator, then checks the report it wrote
 * against the emulator's final state read independently (a fresh ARM client, and the emulator's own records).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createArmClient, type ClosableArmClient } from '../../src/arm/client';
import { StaticTokenCredential } from '../../src/arm/credentials';
import { runDemo, type DemoResult } from '../../src/demo/run-demo';
import type { WorkspaceReport } from '../../src/report/model';

describe('npm run demo (in-process)', () => {
  let out: string;
  let result: DemoResult;
  let arm: ClosableArmClient;

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'mnet-demo-test-'));
    result = await runDemo({ outDir: out, keepOpen: true });
    const emu = result.environment?.emulator;
    assert.ok(emu, 'keepOpen leaves the emulator running');
    arm = createArmClient({ endpoint: emu.url, caCertPem: emu.caCertPem, credential: new StaticTokenCredential(), sleep: async () => undefined });
  });

  after(async () => {
    arm?.close();
    await result?.environment?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const ws = (name: string): WorkspaceReport => {
    const found = result.report.workspaces.find((w) => w.name === name);
    assert.ok(found, `report has ${name}`);
    return found;
  };

  it('ends with a final scan that finds no drift, after a first one that found some', () => {
    assert.ok(result.firstScan.drifted.length > 0);
    assert.equal(result.finalScan.drifted.length, 0, JSON.stringify(result.finalScan.drifted.map((d) => [d.name, d.reasons])));
    assert.equal(result.finalScan.refused.length, 0);
    assert.equal(result.report.scans.after?.drifted, 0);
    assert.equal(result.report.scans.after?.inScope, result.report.scans.after?.compliant);
    assert.ok(result.report.phases.every((p) => p.status === 'ok'));
  });

  it('reports every workspace\'s mode, rules and computes exactly as the emulator holds them at the end', async () => {
    const subscriptions = ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'];
    const actual = (await Promise.all(subscriptions.map((s) => arm.listWorkspaces(s)))).flat();
    assert.deepEqual(result.report.workspaces.map((w) => w.workspaceId.toLowerCase()).sort(), actual.map((w) => w.id.toLowerCase()).sort());
    for (const live of actual) {
      const reported = ws(live.name).after;
      assert.ok(reported, `${live.name} has an after view`);
      assert.equal(reported.isolationMode, live.properties.managedNetwork?.isolationMode ?? 'Disabled', live.name);
      assert.equal(reported.publicNetworkAccess, live.properties.publicNetworkAccess, live.name);
      assert.equal(reported.networkStatus, live.properties.managedNetwork?.status?.status, live.name);
      const rules = (await arm.listOutboundRules(live.id)).map((r) => `${r.name}=${r.properties.type}/${r.properties.status ?? ''}`).sort();
      assert.deepEqual(reported.rules.map((r) => `${r.name}=${r.type}/${r.status ?? ''}`).sort(), rules, live.name);
      const computes = (await arm.listComputes(live.id)).map((c) => c.name).sort();
      assert.deepEqual(reported.computes.map((c) => c.name).sort(), computes, live.name);
    }
  });

  it('migrated ws-legacy\'s computes and online endpoint: deleted, network changed, recreated from snapshots', async () => {
    const legacy = ws('ws-legacy');
    assert.equal(legacy.before?.isolationMode, 'Disabled');
    assert.equal(legacy.after?.isolationMode, 'AllowOnlyApprovedOutbound');
    const beforeComputes = legacy.before?.computes.map((c) => c.name).sort() ?? [];
    assert.ok(beforeComputes.length >= 3);
    const now = (await arm.listComputes(legacy.workspaceId)).map((c) => c.name).sort();
    assert.deepEqual(now, beforeComputes, 'every compute exists again');
    assert.deepEqual((await arm.listOnlineEndpoints(legacy.workspaceId)).map((e) => e.name), legacy.before?.onlineEndpoints);
    // The emulator saw the deletes and the creates.
    const requests = result.environment?.emulator.requests() ?? [];
    for (const name of beforeComputes) {
      const path = `${legacy.workspaceId}/computes/${name}`.toLowerCase();
      assert.ok(requests.some((r) => r.method === 'DELETE' && r.path.toLowerCase() === path), `${name} deleted`);
      assert.ok(requests.some((r) => r.method === 'PUT' && r.path.toLowerCase() === path), `${name} recreated`);
    }
    const kinds = legacy.steps.map((s) => `${s.stepId}:${s.status}`);
    for (const step of ['migrate-computes:snapshot:succeeded', 'migrate-computes:delete:succeeded', 'migrate-computes:recreate:succeeded', 'migrate-computes:verify:succeeded']) {
      assert.ok(kinds.includes(step), `${step} in ${kinds.join(', ')}`);
    }
    assert.ok(legacy.steps.some((s) => s.kind === 'approval' && s.status === 'succeeded'), 'approved through the HTTP approve function');
    const provision = legacy.steps.find((s) => s.kind === 'provision-network');
    assert.ok(provision && provision.durationMs >= 30 * 60_000, 'provisioning took 30+ emulated minutes');
  });

  it('onboarded the workspace created during the run from its Event Grid event', () => {
    const created = ws('ws-fraud-detection');
    assert.equal(created.verdictBefore, 'absent');
    assert.equal(created.before, undefined);
    assert.equal(created.verdictAfter, 'compliant');
    assert.ok(created.orchestrations.some((o) => o.name === 'onboardWorkspace' && o.trigger === 'eventgrid' && o.result === 'applied'));
  });

  it('reports the locked workspace as skipped with its lock, unchanged', async () => {
    const locked = ws('ws-locked');
    assert.equal(locked.verdictAfter, 'skipped');
    assert.match(locked.note ?? '', /skipped: scope lock/);
    assert.match(locked.note ?? '', /CanNotDelete lock "do-not-delete"/);
    assert.match(locked.note ?? '', /read back through ARM, nothing changed/);
    assert.match(locked.note ?? '', /ended "refused" \(scope-lock: the plan read the lock and refused before any write\)/);
    assert.ok(!locked.steps.some((s) => s.status === 'succeeded' || s.status === 'failed'), 'nothing was attempted');
    const lockedWrites = (result.environment?.emulator.requests() ?? []).filter((r) => r.method !== 'GET' && r.path.toLowerCase().includes('/resourcegroups/rg-ml-locked/'));
    assert.deepEqual(lockedWrites.map((r) => `${r.method} ${r.path}`), [], 'no write request in the locked resource group');
    assert.ok(locked.warnings.some((w) => /^scope-lock: .*CanNotDelete lock "do-not-delete" on \/subscriptions\/.*rg-ml-locked/.test(w)), locked.warnings.join(' | '));
    assert.deepEqual(locked.after?.computes.map((c) => c.name), locked.before?.computes.map((c) => c.name));
    assert.equal((await arm.getWorkspace(locked.workspaceId)).properties.managedNetwork?.isolationMode ?? 'Disabled', 'Disabled');
  });

  it('wrote reports/demo.md and demo.html with a diagram per workspace and emulated step times', () => {
    const md = readFileSync(result.files.markdown, 'utf8');
    const html = readFileSync(result.files.html, 'utf8');
    assert.match(md, /Final scan: all \d+ in-scope workspaces compliant/);
    for (const w of result.report.workspaces) {
      assert.match(md, new RegExp(`^### ${w.name}$`, 'm'));
      assert.match(md, new RegExp(`\\| Isolation mode \\| ${w.before?.isolationMode ?? '\\(did not exist\\)'} \\| (\\*\\*)?${w.after?.isolationMode ?? ''}(\\*\\*)? \\|`), w.name);
      assert.ok(html.includes(`aria-label="Managed network of ${w.name} (after)`), `${w.name} has an SVG diagram`);
    }
    assert.equal((md.match(/^```mermaid$/gm) ?? []).length, result.report.workspaces.length + result.report.workspaces.filter((w) => w.before && w.after).length);
    assert.match(md, /\| onboardWorkspace \| provision-network \| succeeded \| [^|]+ \| [34]\dm/);
  });

  it('ran in a few real seconds', () => {
    assert.ok(result.report.realMs < 30_000, `real time ${result.report.realMs} ms`);
    assert.ok(result.report.emulatedMs > 60 * 60_000, 'more than an hour of emulated time');
  });
});
