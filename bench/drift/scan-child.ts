/**
 * One drift-scan strategy in its own process (clean peak RSS), against an emulator another process runs.
 *   graph: the app's way: the queryWorkspaces activity (Resource Graph, pages of 1000), then evaluateDrift.
 *   naive: a script's way: list the workspaces of each subscription, then GET each one, then the same evaluation.
 *     Its client runs WITHOUT the request ceiling (a script has none, and at the 20/s default its 10,100 one-at-a-time
 *     requests would take over 500 s); the graph scan runs with the production defaults.
 * Usage: scan-child.ts <graph|naive> <emulatorUrl> <caCertPath>
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARM_CLIENT_DEFAULTS, createArmClient, type ArmClient } from '../../src/arm/client';
import { StaticTokenCredential } from '../../src/arm/credentials';
import type { Workspace } from '../../src/arm/types';
import { evaluateDrift } from '../../src/drift';
import { clearActivityDependencies, setActivityDependencies } from '../../src/durable/activities/dependencies';
import { queryWorkspaces } from '../../src/durable/activities/drift';
import { FileReportStore, FileSnapshotStore } from '../../src/durable/snapshots';
import { reportResult } from '../lib/child';
import { scalePolicy, scaleSubscriptions } from './scale-policy';

export interface ScanResult {
  strategy: string;
  workspaces: number;
  drifted: number;
  compliant: number;
  armRequests: number;
  /** The client's requestsPerSecond in this scan (0: ceiling off). */
  requestsPerSecond: number;
  wallMs: number;
  fetchMs: number;
  evaluationCpuMs: number;
  processCpuMs: number;
  /** Peak resident set size of this process (getrusage), MB. */
  peakRssMb: number;
  /** RSS after loading modules, before the scan, MB. */
  baselineRssMb: number;
}

async function graphScan(arm: ArmClient, subscriptions: string[]): Promise<Workspace[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-bench-'));
  setActivityDependencies({ arm, snapshots: new FileSnapshotStore(dir), reports: new FileReportStore(dir) });
  try {
    return await queryWorkspaces({ subscriptions });
  } finally {
    clearActivityDependencies();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One at a time, as a shell loop over `az ml workspace list` / `show` would. */
async function naiveScan(arm: ArmClient, subscriptions: string[]): Promise<Workspace[]> {
  const out: Workspace[] = [];
  for (const sub of subscriptions) {
    for (const listed of await arm.listWorkspaces(sub)) out.push(await arm.getWorkspace(listed.id));
  }
  return out;
}

async function main(): Promise<void> {
  const [strategy, url, caPath] = process.argv.slice(2);
  if ((strategy !== 'graph' && strategy !== 'naive') || url === undefined || caPath === undefined) {
    throw new Error('usage: scan-child.ts <graph|naive> <emulatorUrl> <caCertPath>');
  }
  const policy = scalePolicy();
  const subscriptions = scaleSubscriptions();
  let armRequests = 0;
  const requestsPerSecond = strategy === 'graph' ? ARM_CLIENT_DEFAULTS.requestsPerSecond : 0;
  const arm = createArmClient({
    endpoint: url,
    requestsPerSecond,
    credential: new StaticTokenCredential(),
    caCertPem: readFileSync(caPath, 'utf8'),
    onRequest: () => (armRequests += 1),
  });
  const baselineRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const workspaces = strategy === 'graph' ? await graphScan(arm, subscriptions) : await naiveScan(arm, subscriptions);
  const fetchMs = performance.now() - t0;
  const evalCpu0 = process.cpuUsage();
  const report = evaluateDrift(policy, workspaces, { now: '2025-01-01T00:00:00.000Z' });
  const evalCpu = process.cpuUsage(evalCpu0);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  arm.close();
  const result: ScanResult = {
    strategy,
    workspaces: report.scanned,
    drifted: report.drifted.length,
    compliant: report.compliant,
    armRequests,
    requestsPerSecond,
    wallMs,
    fetchMs,
    evaluationCpuMs: (evalCpu.user + evalCpu.system) / 1000,
    processCpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baselineRssMb: baselineRss / (1024 * 1024),
  };
  reportResult(result);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
