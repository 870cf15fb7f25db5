/**
 * The emulator's in-memory ARM. Tests read it directly through the helper methods below; every helper first
 * settles the long-running operations that are due on the clock, so what a test reads equals what a GET would
 * return at that instant.
 *
 * Helpers (all return ARM-shaped copies):
 *   getWorkspace(id), listWorkspaces(subscriptionId?), listOutboundRules(workspaceId), getOutboundRule(workspaceId, name),
 *   getCompute(id), listComputes(workspaceId), listOnlineEndpoints(workspaceId), listDeployments(endpointId),
 *   roleAssignments(), roleDefinitions(), getResource(id), resources(), locks(), resourceGroups(), subscriptions(),
 *   operations() (LRO records).
 * Setup helpers (used by scenarios, handy in tests): addSubscription, addResourceGroup, addLock, putResource,
 *   setProviderState.
 */
import type {
  ComputeResource,
  ManagementLock,
  OnlineDeployment,
  OnlineEndpoint,
  OutboundRuleResource,
  RoleAssignment,
  RoleDefinition,
  Workspace,
} from '../arm/types';
import type { EmulatorClock } from './clock';
import type { LroFault } from './faults';
import { OperationStore, type OperationRecord, type OperationSpec } from './lro';
import { builtInRoleDefinitions } from './model/builtin-roles';
import type {
  GenericResourceRecord,
  LockRecord,
  ResourceGroupRecord,
  RoleAssignmentRecord,
  RoleDefinitionRecord,
  SubscriptionRecord,
  WorkspaceRecord,
} from './model/records';
import { key, resourceGroupId, scopeCovers } from './model/scope';
import type { ResolvedSettings } from './options';
import { guidFrom } from './prng';
import { computeView } from './views/compute-view';
import { deploymentView, endpointView } from './views/endpoint-view';
import { genericResourceView, lockView, resourceGroupView, roleAssignmentView, roleDefinitionView } from './views/simple-views';
import { outboundRuleResources } from './views/rules-view';
import { workspaceView } from './views/workspace-view';

export const DEFAULT_TENANT_ID = '00000000-0000-0000-0000-0000000000aa';

export interface EmulatorDb {
  subscriptions: Map<string, SubscriptionRecord>;
  resourceGroups: Map<string, ResourceGroupRecord>;
  workspaces: Map<string, WorkspaceRecord>;
  resources: Map<string, GenericResourceRecord>;
  roleAssignments: Map<string, RoleAssignmentRecord>;
  /** Keyed by lower-case GUID name. */
  roleDefinitions: Map<string, RoleDefinitionRecord>;
  locks: Map<string, LockRecord>;
}

export class EmulatorState {
  readonly db: EmulatorDb = {
    subscriptions: new Map(),
    resourceGroups: new Map(),
    workspaces: new Map(),
    resources: new Map(),
    roleAssignments: new Map(),
    roleDefinitions: new Map(),
    locks: new Map(),
  };
  readonly ops: OperationStore;
  private etagCounter = 0;

  constructor(
    readonly clock: EmulatorClock,
    readonly settings: ResolvedSettings,
    readonly seed: number = 1,
  ) {
    this.ops = new OperationStore((n) => guidFrom(`operation:${seed}:${n}`));
    for (const def of builtInRoleDefinitions()) this.db.roleDefinitions.set(def.name.toLowerCase(), def);
  }

  now(): number {
    return this.clock.now();
  }

  /** Applies every long-running operation due on the clock. */
  settle(): void {
    this.ops.settle(this.clock.now());
  }

  startOperation(spec: OperationSpec, fault?: LroFault): OperationRecord {
    return this.ops.start(spec, this.clock.now(), fault);
  }

  newEtag(): string {
    this.etagCounter += 1;
    // Cheap and unique: etags are compared, never parsed.
    return `"${(this.seed >>> 0).toString(16).padStart(8, '0')}-0000-0100-0000-${this.etagCounter.toString(16).padStart(12, '0')}"`;
  }

  /** Marks a workspace modified (new etag). */
  touch(ws: WorkspaceRecord): void {
    ws.etag = this.newEtag();
    ws.modifiedAt = this.clock.now();
  }

  // ---- lookups used by handlers (no settling: the server settles once per request) ----

  subscription(subscriptionId: string): SubscriptionRecord | undefined {
    return this.db.subscriptions.get(subscriptionId.toLowerCase());
  }

  resourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    return this.db.resourceGroups.get(key(resourceGroupId(subscriptionId, name)));
  }

  workspace(id: string): WorkspaceRecord | undefined {
    return this.db.workspaces.get(key(id));
  }

  resource(id: string): GenericResourceRecord | undefined {
    return this.db.resources.get(key(id));
  }

  roleDefinition(guid: string): RoleDefinitionRecord | undefined {
    return this.db.roleDefinitions.get(guid.toLowerCase());
  }

  tenantOf(subscriptionId: string): string | undefined {
    return this.subscription(subscriptionId)?.tenantId;
  }

  /** Locks at the id or any parent scope. */
  locksCovering(id: string): LockRecord[] {
    return [...this.db.locks.values()].filter((l) => scopeCovers(l.scope, id));
  }

  // ---- setup helpers ----

  addSubscription(subscriptionId: string, tenantId: string = DEFAULT_TENANT_ID, displayName = `Subscription ${subscriptionId.slice(-4)}`): SubscriptionRecord {
    const rec: SubscriptionRecord = { subscriptionId, tenantId, displayName, providers: new Map() };
    this.db.subscriptions.set(subscriptionId.toLowerCase(), rec);
    return rec;
  }

  setProviderState(subscriptionId: string, namespace: string, registrationState: string): void {
    const sub = this.subscription(subscriptionId);
    if (sub === undefined) throw new Error(`unknown subscription ${subscriptionId}`);
    sub.providers.set(namespace.toLowerCase(), registrationState);
  }

  addResourceGroup(subscriptionId: string, name: string, location: string, tags: Record<string, string> = {}): ResourceGroupRecord {
    const rec: ResourceGroupRecord = { id: resourceGroupId(subscriptionId, name), name, subscriptionId, location, tags };
    this.db.resourceGroups.set(key(rec.id), rec);
    return rec;
  }

  addLock(scope: string, name: string, level: LockRecord['level'], notes?: string): LockRecord {
    const base = scope.replace(/\/+$/, '');
    const rec: LockRecord = { id: `${base}/providers/Microsoft.Authorization/locks/${name}`, name, scope: base, level };
    if (notes !== undefined) rec.notes = notes;
    this.db.locks.set(key(rec.id), rec);
    return rec;
  }

  putResource(rec: Omit<GenericResourceRecord, 'etag'> & { etag?: string }): GenericResourceRecord {
    const full: GenericResourceRecord = { ...rec, etag: rec.etag ?? this.newEtag() };
    this.db.resources.set(key(full.id), full);
    return full;
  }

  // ---- test helpers (settle first, return ARM views) ----

  getWorkspace(id: string): Workspace | undefined {
    this.settle();
    const ws = this.workspace(id);
    return ws === undefined ? undefined : workspaceView(this, ws);
  }

  listWorkspaces(subscriptionId?: string): Workspace[] {
    this.settle();
    return [...this.db.workspaces.values()]
      .filter((w) => subscriptionId === undefined || w.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())
      .map((w) => workspaceView(this, w));
  }

  listOutboundRules(workspaceId: string): OutboundRuleResource[] {
    this.settle();
    const ws = this.workspace(workspaceId);
    return ws === undefined ? [] : outboundRuleResources(this, ws);
  }

  getOutboundRule(workspaceId: string, name: string): OutboundRuleResource | undefined {
    return this.listOutboundRules(workspaceId).find((r) => r.name.toLowerCase() === name.toLowerCase());
  }

  getCompute(id: string): ComputeResource | undefined {
    this.settle();
    const { ws, child } = this.splitChild(id, 'computes');
    const c = ws?.computes.get(child.toLowerCase());
    return ws === undefined || c === undefined ? undefined : computeView(c);
  }

  listComputes(workspaceId: string): ComputeResource[] {
    this.settle();
    const ws = this.workspace(workspaceId);
    return ws === undefined ? [] : [...ws.computes.values()].map((c) => computeView(c));
  }

  listOnlineEndpoints(workspaceId: string): OnlineEndpoint[] {
    this.settle();
    const ws = this.workspace(workspaceId);
    return ws === undefined ? [] : [...ws.endpoints.values()].map((e) => endpointView(e));
  }

  listDeployments(endpointId: string): OnlineDeployment[] {
    this.settle();
    const { ws, child } = this.splitChild(endpointId, 'onlineEndpoints');
    const ep = ws?.endpoints.get(child.toLowerCase());
    return ep === undefined ? [] : [...ep.deployments.values()].map((d) => deploymentView(d));
  }

  roleAssignments(): RoleAssignment[] {
    return [...this.db.roleAssignments.values()].map(roleAssignmentView);
  }

  roleDefinitions(): RoleDefinition[] {
    return [...this.db.roleDefinitions.values()].map((d) => roleDefinitionView(d, d.scope));
  }

  getResource(id: string): Record<string, unknown> | undefined {
    const r = this.resource(id);
    return r === undefined ? undefined : genericResourceView(r);
  }

  resources(): Record<string, unknown>[] {
    return [...this.db.resources.values()].map(genericResourceView);
  }

  locks(): ManagementLock[] {
    return [...this.db.locks.values()].map(lockView);
  }

  resourceGroups(): Record<string, unknown>[] {
    return [...this.db.resourceGroups.values()].map(resourceGroupView);
  }

  subscriptions(): { subscriptionId: string; tenantId: string; displayName: string }[] {
    return [...this.db.subscriptions.values()].map(({ subscriptionId, tenantId, displayName }) => ({ subscriptionId, tenantId, displayName }));
  }

  operations(): OperationRecord[] {
    this.settle();
    return this.ops.list();
  }

  private splitChild(id: string, childType: string): { ws: WorkspaceRecord | undefined; child: string } {
    const marker = `/${childType.toLowerCase()}/`;
    const lower = id.toLowerCase();
    const i = lower.indexOf(marker);
    if (i < 0) return { ws: undefined, child: '' };
    const rest = id.slice(i + marker.length).split('/');
    return { ws: this.workspace(id.slice(0, i)), child: rest[0] ?? '' };
  }
}
