/**
 * Workspaces the policy leaves out whose resource group (or themselves) carry a management lock: the demo asks
 * for them anyway, with an inline policy that includes them, to show how the product meets the lock (the
 * migration cannot delete computes, stops, and leaves everything as it was). The final scan still skips them.
 */
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { parseResourceId } from '../../arm/resource-id';
import type { DriftReport } from '../../drift/report';
import type { NetworkView } from '../../report/model';
import { readNetworkView } from '../network-view';
import type { DemoEnvironment } from '../environment';
import type { DemoRecorder } from '../recorder';
import { remediate, type Remediated } from './remediate';

export interface LockedWorkspace {
  workspaceId: string;
  locks: string[];
  attempt?: Remediated;
  /** The workspace read back identical (mode, rules, computes) after the attempt. */
  unchanged: boolean;
}

function differences(a: NetworkView | undefined, b: NetworkView | undefined): string[] {
  if (a === undefined || b === undefined) return a === b ? [] : ['existence'];
  const out: string[] = [];
  if (a.isolationMode !== b.isolationMode) out.push(`isolation mode ${a.isolationMode} -> ${b.isolationMode}`);
  if (a.publicNetworkAccess !== b.publicNetworkAccess) out.push('public network access');
  const names = (v: NetworkView, of: 'rules' | 'computes'): string => v[of].map((x) => x.name).join(',');
  if (names(a, 'rules') !== names(b, 'rules')) out.push('outbound rules');
  if (names(a, 'computes') !== names(b, 'computes')) out.push('computes');
  return out;
}

async function locksOn(env: DemoEnvironment, workspaceId: string): Promise<string[]> {
  const { subscriptionId, resourceGroup } = parseResourceId(workspaceId);
  // ARM lists a resource group's locks at every scope below it too: one line per lock id.
  const seen = new Map<string, string>();
  for (const scope of [`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup ?? ''}`, workspaceId]) {
    for (const lock of await env.rt.arm.listLocks(scope)) {
      const key = lock.id.toLowerCase();
      if (seen.has(key)) continue;
      const where = key.startsWith(`${workspaceId.toLowerCase()}/`) ? 'the workspace' : `resource group ${resourceGroup ?? ''}`;
      seen.set(key, `${lock.properties.level} lock "${lock.name}" on ${where}${lock.properties.notes ? ` (${lock.properties.notes})` : ''}`);
    }
  }
  return [...seen.values()];
}

/** The policy file's raw object, with the workspace's exclusion removed: "what if it were in scope?". */
async function inlinePolicyIncluding(policyPath: string, workspaceId: string): Promise<unknown> {
  const raw = parse(await readFile(policyPath, 'utf8')) as { name?: string; scope?: { exclude?: string[] } };
  const name = workspaceId.split('/').pop() ?? '';
  const exclude = (raw.scope?.exclude ?? []).filter((e) => e.toLowerCase() !== name.toLowerCase() && e.toLowerCase() !== workspaceId.toLowerCase());
  return { ...raw, name: `${raw.name ?? 'policy'}-including-${name}`.slice(0, 64), scope: { ...raw.scope, exclude } };
}

export async function tryLockedWorkspaces(env: DemoEnvironment, recorder: DemoRecorder, scan: DriftReport, policyPath: string, lines: string[], status: (text: string) => void): Promise<LockedWorkspace[]> {
  const found: LockedWorkspace[] = [];
  for (const skipped of scan.skipped) {
    const locks = await locksOn(env, skipped.workspaceId);
    if (locks.length === 0) continue;
    const name = skipped.workspaceId.split('/').pop() ?? skipped.workspaceId;
    const notes = recorder.workspace(skipped.workspaceId);
    notes.notes.push(`skipped: scope lock. The scan left it out (${skipped.reason}); ARM lists ${locks.join('; ')}.`);
    lines.push(`${name}: ${locks.join('; ')}; the policy excludes it (${skipped.reason})`);
    const before = await readNetworkView(env.rt.arm, skipped.workspaceId, env.nowIso());
    const attempt = await remediate(env, recorder, skipped.workspaceId, `CHG-LOCK-${found.length + 1}`, lines, status, await inlinePolicyIncluding(policyPath, skipped.workspaceId));
    const after = await readNetworkView(env.rt.arm, skipped.workspaceId, env.nowIso());
    const result = String(attempt.view['result'] ?? '');
    const changed = differences(before, after);
    const unchanged = changed.length === 0;
    lines.push(unchanged ? 'read back through ARM: mode, rules and computes unchanged' : `read back through ARM: changed ${changed.join(', ')}`);
    notes.notes.push(
      `A request with a policy that includes it ended "${result}"; read back through ARM, ${unchanged ? 'nothing changed (mode, rules, computes)' : `these changed: ${changed.join(', ')}`}. It stays excluded until the lock is lifted.`,
    );
    found.push({ workspaceId: skipped.workspaceId, locks, attempt, unchanged });
  }
  return found;
}
