/**
 * Workspaces the policy leaves out whose resource group (or themselves) carry a management lock: the demo asks
 * for them anyway, with an inline policy that includes them, to show how the product meets the lock (the plan
 * reads the locks and refuses up front, rule `scope-lock`, before anything is written). The final scan still
 * skips them.
 */
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { parseResourceId } from '../../arm/resource-id';
import type { DriftReport } from '../../drift/report';
import type { NetworkView } from '../../report/model';
import { readScopeLocks, resourceGroupScope } from '../../durable/activities/read-prerequisites';
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
  const { resourceGroup } = parseResourceId(workspaceId);
  const notes = new Map<string, string | undefined>();
  // The planner's own reader (resource group and workspace scopes, one per lock id); notes for the report.
  for (const scope of [resourceGroupScope(workspaceId), workspaceId]) {
    for (const lock of await env.rt.arm.listLocks(scope)) notes.set(lock.id.toLowerCase(), lock.properties.notes);
  }
  return (await readScopeLocks(env.rt.arm, workspaceId)).map((lock) => {
    const where = lock.scope.toLowerCase() === workspaceId.toLowerCase() ? 'the workspace' : `resource group ${resourceGroup ?? ''}`;
    const note = notes.get(lock.id.toLowerCase());
    return `${lock.level} lock "${lock.name}" on ${where}${note ? ` (${note})` : ''}`;
  });
}

/** The policy file's raw object, with the workspace's exclusion removed: "what if it were in scope?". */
async function inlinePolicyIncluding(policyPath: string, workspaceId: string): Promise<unknown> {
  const raw = parse(await readFile(policyPath, 'utf8')) as { name?: string; scope?: { exclude?: string[] } };
  const name = workspaceId.split('/').pop() ?? '';
  const exclude = (raw.scope?.exclude ?? []).filter((e) => e.toLowerCase() !== name.toLowerCase() && e.toLowerCase() !== workspaceId.toLowerCase());
  return { ...raw, name: `${raw.name ?? 'policy'}-including-${name}`.slice(0, 64), scope: { ...raw.scope, exclude } };
}

/** The refusal the onboarding recorded (its output's plan), when it refused. */
export function refusalOf(view: Record<string, unknown>): { rule: string; reason: string } | undefined {
  const plan = view['plan'];
  if (typeof plan !== 'object' || plan === null) return undefined;
  const refused = (plan as { refused?: { rule?: unknown; reason?: unknown } }).refused;
  return refused !== undefined && typeof refused.rule === 'string' ? { rule: refused.rule, reason: String(refused.reason ?? '') } : undefined;
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
    const refusal = refusalOf(attempt.view);
    if (refusal !== undefined) lines.push(`refused up front (${refusal.rule}): ${refusal.reason}`);
    notes.notes.push(
      `A request with a policy that includes it ended "${result}"${refusal !== undefined ? ` (${refusal.rule}: the plan read the lock and refused before any write)` : ''}; read back through ARM, ${unchanged ? 'nothing changed (mode, rules, computes)' : `these changed: ${changed.join(', ')}`}. It stays excluded until the lock is lifted.`,
    );
    found.push({ workspaceId: skipped.workspaceId, locks, attempt, unchanged });
  }
  return found;
}
