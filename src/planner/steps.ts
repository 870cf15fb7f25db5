/**
 * Plan steps: one discriminated union on `kind`, each with its own typed params. Steps are data only; the
 * orchestrator executes them. Ids are deterministic so a re-plan of the same drift yields the same ids.
 */
import type {
  FirewallSku,
  IsolationMode,
  OutboundRule,
  PublicNetworkAccess,
} from '../arm/types';

/** Every step kind, in the safe order a plan applies them (order.ts explains why). */
export const STEP_KINDS = [
  'migrate-computes',
  'set-public-network-access',
  'set-isolation-mode',
  'set-firewall-sku',
  'add-rule',
  'update-rule',
  'remove-rule',
  'assign-approver-roles',
  'provision-network',
  'set-image-build-compute',
  'govern-through-hub',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepFlags {
  /** Cannot be undone (mode changes). */
  irreversible: boolean;
  /** Starts or raises charges (firewall, provisioned network). */
  costly: boolean;
  /** Interrupts users or workloads (computes deleted, outbound restricted, access cut). */
  disruptive: boolean;
  /** The orchestrator waits for a person's approval before running it. */
  needsApproval: boolean;
}

export interface SetIsolationModeParams {
  from: IsolationMode;
  to: IsolationMode;
  /** The catalog marks the transition as allowed-but-risky: ask for explicit confirmation. */
  requiresConfirmation: boolean;
  /** The catalog's explanation of the transition. */
  note: string;
}

export interface SetPublicNetworkAccessParams {
  from?: PublicNetworkAccess;
  to: PublicNetworkAccess;
}

export interface SetFirewallSkuParams {
  from?: FirewallSku;
  to: FirewallSku;
}

export interface AddRuleParams {
  name: string;
  /** Body for PUT {ws}/outboundRules/{name} (`{properties: rule}`). */
  rule: OutboundRule;
  /** This rule creates the workspace's Azure Firewall. */
  addsFirstFqdnRule: boolean;
}

export interface UpdateRuleParams {
  name: string;
  from: OutboundRule;
  to: OutboundRule;
  /** Human-readable differences, e.g. `destination: a.com -> b.com`. */
  changes: string[];
}

export interface RemoveRuleParams {
  name: string;
  rule: OutboundRule;
}

export type ApproverRole =
  | { kind: 'builtin'; name: string; roleDefinitionGuid: string }
  | { kind: 'custom'; name: string; actions: string[] };

export interface ApproverAssignment {
  /** The private endpoint target: the role is assigned at its scope. */
  scope: string;
  targetResourceType: string;
  principalId: string;
  role: ApproverRole;
}

export interface AssignApproverRolesParams {
  assignments: ApproverAssignment[];
}

export interface ProvisionNetworkParams {
  includeSpark: boolean;
  addsFirstFqdnRule: boolean;
  estimatedMinutes: number;
  /** Estimate + margin, or the policy's override. */
  timeoutMinutes: number;
}

export interface ComputeToMigrate {
  name: string;
  computeType: string;
  id?: string;
  location?: string;
  vmSize?: string;
  /** A customer-VNet subnet the recreate must drop (computes live in the managed network once it is on). */
  dropsSubnet: boolean;
}

export interface EndpointToMigrate {
  name: string;
  id?: string;
  deployments: string[];
}

export interface ComputeLeftInPlace {
  name: string;
  computeType: string;
  reason: string;
}

export interface MigrateComputesParams {
  computes: ComputeToMigrate[];
  onlineEndpoints: EndpointToMigrate[];
  /** Unsupported computes left in place (policy skip_unsupported). */
  skipped: ComputeLeftInPlace[];
  approval: 'automatic' | 'require_approval';
  approvalTimeoutHours: number;
  maxParallelDeletes: number;
  /**
   * snapshot + delete run at this step's position (before the mode change); recreate runs after
   * provision-network, because computes can only be created inside the provisioned managed network.
   */
  phases: readonly ['snapshot', 'delete', 'recreate'];
  recreateAfterStep: 'provision-network';
}

export interface SetImageBuildComputeParams {
  from?: string;
  /** "" resets to none. */
  to: string;
}

export interface GovernThroughHubParams {
  hubResourceId: string;
  /** Undefined: the hub's state was not available to the planner. */
  hubCompliant?: boolean;
  hubReasons: string[];
}

interface StepBase<K extends StepKind, P> {
  id: string;
  kind: K;
  /** Resource id or rule name the step acts on. */
  target: string;
  reason: string;
  flags: StepFlags;
  params: P;
  estimatedMinutes?: number;
}

export type SetIsolationModeStep = StepBase<'set-isolation-mode', SetIsolationModeParams>;
export type SetPublicNetworkAccessStep = StepBase<'set-public-network-access', SetPublicNetworkAccessParams>;
export type SetFirewallSkuStep = StepBase<'set-firewall-sku', SetFirewallSkuParams>;
export type AddRuleStep = StepBase<'add-rule', AddRuleParams>;
export type UpdateRuleStep = StepBase<'update-rule', UpdateRuleParams>;
export type RemoveRuleStep = StepBase<'remove-rule', RemoveRuleParams>;
export type AssignApproverRolesStep = StepBase<'assign-approver-roles', AssignApproverRolesParams>;
export type ProvisionNetworkStep = StepBase<'provision-network', ProvisionNetworkParams>;
export type MigrateComputesStep = StepBase<'migrate-computes', MigrateComputesParams>;
export type SetImageBuildComputeStep = StepBase<'set-image-build-compute', SetImageBuildComputeParams>;
export type GovernThroughHubStep = StepBase<'govern-through-hub', GovernThroughHubParams>;

export type PlanStep =
  | SetIsolationModeStep
  | SetPublicNetworkAccessStep
  | SetFirewallSkuStep
  | AddRuleStep
  | UpdateRuleStep
  | RemoveRuleStep
  | AssignApproverRolesStep
  | ProvisionNetworkStep
  | MigrateComputesStep
  | SetImageBuildComputeStep
  | GovernThroughHubStep;

// Sixteen possible combinations, built once: a drift scan creates many steps and they share these (frozen).
const FLAG_TABLE: readonly StepFlags[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze({
    irreversible: (bits & 1) !== 0,
    costly: (bits & 2) !== 0,
    disruptive: (bits & 4) !== 0,
    needsApproval: (bits & 8) !== 0,
  }),
);

export function flags(set: Partial<StepFlags>): StepFlags {
  const bits = (set.irreversible ? 1 : 0) | (set.costly ? 2 : 0) | (set.disruptive ? 4 : 0) | (set.needsApproval ? 8 : 0);
  return FLAG_TABLE[bits] as StepFlags;
}

/** Deterministic step ids: the kind, plus the rule name for per-rule steps. */
export function stepId(kind: StepKind, name?: string): string {
  return name === undefined ? kind : `${kind}:${name}`;
}
