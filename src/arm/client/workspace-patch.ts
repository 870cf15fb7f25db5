/**
 * PATCH of a workspace's network settings. The body is rebuilt field by field from a WorkspaceNetworkPatch so that
 * nothing else (a stray property slipped in through a cast) can ever reach the service. Never GET-modify-PUT.
 *
 * ASSUMPTION (unverified): how the real service merges NESTED objects in a workspace PATCH is not documented. The
 * emulator merges `properties.managedNetwork`; the service might replace it, dropping what the body leaves out. So
 * the client never sends an empty `managedNetwork`; when it sends one it first reads the workspace and re-sends the
 * current `isolationMode` / `firewallSku` the patch does not set; and after the PATCH it checks that every
 * user-defined outbound rule present before is still there (ArmError `ManagedNetworkRulesLost` otherwise).
 * A change made by someone else between the read and the PATCH can still be overwritten (pass `ifMatch` to exclude it).
 */
import type { ManagedNetworkSettings, OutboundRuleResource, RuleCategory, Workspace, WorkspaceNetworkPatch } from '../types';
import { ArmError, CLIENT_ERROR_CODES, isRecord } from './errors';
import type { LroEngine } from './lro';
import type { WaitOptions } from './lro-types';
import { armPath } from './urls';
import { ML_API_VERSION } from '../api-versions';

type NetworkFields = NonNullable<WorkspaceNetworkPatch['properties']['managedNetwork']>;

const USER_DEFINED: RuleCategory = 'UserDefined';

/** True when the patch sets at least one managed-network field (an empty `managedNetwork: {}` sets none). */
export function patchTouchesManagedNetwork(patch: WorkspaceNetworkPatch): boolean {
  const mn = patch.properties.managedNetwork;
  return mn !== undefined && (mn.isolationMode !== undefined || mn.firewallSku !== undefined);
}

/**
 * The body actually sent. `current` is the workspace's managed network as just read: its isolationMode and
 * firewallSku are re-sent unless the patch sets them (see the file comment). No managed-network field, no
 * `managedNetwork` at all.
 */
export function workspaceNetworkPatchBody(patch: WorkspaceNetworkPatch, current?: ManagedNetworkSettings): WorkspaceNetworkPatch {
  const source = patch.properties;
  const properties: WorkspaceNetworkPatch['properties'] = {};
  if (patchTouchesManagedNetwork(patch)) {
    const wanted = source.managedNetwork ?? {};
    const managedNetwork: NetworkFields = {};
    const isolationMode = wanted.isolationMode ?? current?.isolationMode;
    const firewallSku = wanted.firewallSku ?? current?.firewallSku;
    if (isolationMode !== undefined) managedNetwork.isolationMode = isolationMode;
    if (firewallSku !== undefined) managedNetwork.firewallSku = firewallSku;
    properties.managedNetwork = managedNetwork;
  }
  if (source.publicNetworkAccess !== undefined) properties.publicNetworkAccess = source.publicNetworkAccess;
  // An empty string is meaningful: it switches image builds back to the default.
  if (source.imageBuildCompute !== undefined) properties.imageBuildCompute = source.imageBuildCompute;
  return { properties };
}

/** Names of the user-defined rules of a workspace as read (rules already being deleted do not count). */
export function userDefinedRuleNames(workspace: Workspace): string[] | undefined {
  const rules = workspace.properties.managedNetwork?.outboundRules;
  if (!isRecord(rules)) return undefined;
  return Object.entries(rules)
    .filter(([, rule]) => isRecord(rule) && rule.category === USER_DEFINED && rule.status !== 'Deleting')
    .map(([name]) => name);
}

function missingFrom(expected: readonly string[], present: readonly string[]): string[] {
  const have = new Set(present.map((n) => n.toLowerCase()));
  return expected.filter((n) => !have.has(n.toLowerCase()));
}

export interface NetworkPatchDeps {
  lro: LroEngine;
  getWorkspace(workspaceId: string): Promise<Workspace>;
  listOutboundRules(workspaceId: string): Promise<OutboundRuleResource[]>;
}

export async function patchWorkspaceNetwork(
  deps: NetworkPatchDeps,
  id: string,
  patch: WorkspaceNetworkPatch,
  options?: { ifMatch?: string } & WaitOptions,
): Promise<Workspace> {
  const before = patchTouchesManagedNetwork(patch) ? await deps.getWorkspace(id) : undefined;
  const rulesBefore = before === undefined ? undefined : await userRulesBefore(deps, id, before);
  const handle = await deps.lro.begin<Workspace>({
    method: 'PATCH',
    url: armPath(id, ML_API_VERSION),
    operation: 'writeWorkspace',
    resourceId: id,
    body: workspaceNetworkPatchBody(patch, before?.properties.managedNetwork),
    ...(options?.ifMatch !== undefined ? { headers: { 'if-match': options.ifMatch } } : {}),
  });
  const final = await deps.lro.wait(handle, options);
  // A 202 ends on an operation body, not the workspace: read the workspace then.
  const after = isRecord(final) && isRecord(final['properties']) ? (final as Workspace) : await deps.getWorkspace(id);
  if (rulesBefore !== undefined && rulesBefore.length > 0) await checkRulesKept(deps, id, rulesBefore, after);
  return after;
}

/** From the workspace read; a view without `outboundRules` on a managed network falls back to the rule list. */
async function userRulesBefore(deps: NetworkPatchDeps, id: string, before: Workspace): Promise<string[]> {
  const fromView = userDefinedRuleNames(before);
  if (fromView !== undefined) return fromView;
  const mode = before.properties.managedNetwork?.isolationMode;
  if (mode === undefined || mode === 'Disabled') return [];
  const listed = await deps.listOutboundRules(id);
  return listed.filter((r) => r.properties.category === USER_DEFINED && r.properties.status !== 'Deleting').map((r) => r.name);
}

async function checkRulesKept(deps: NetworkPatchDeps, id: string, expected: string[], after: Workspace): Promise<void> {
  let lost = missingFrom(expected, Object.keys(after.properties.managedNetwork?.outboundRules ?? {}));
  // The PATCH answer may be partial: before raising the alarm, ask the rules sub-resource itself.
  if (lost.length > 0) lost = missingFrom(lost, (await deps.listOutboundRules(id)).map((r) => r.name));
  if (lost.length === 0) return;
  throw new ArmError({
    status: 0,
    code: CLIENT_ERROR_CODES.managedNetworkRulesLost,
    message: `the PATCH of the managed network succeeded but removed user-defined outbound rules: ${lost.join(', ')}; re-create them`,
    operation: 'writeWorkspace',
    resourceId: id,
    method: 'PATCH',
    target: 'properties.managedNetwork.outboundRules',
  });
}
