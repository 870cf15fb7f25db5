/** Planner inputs and output. Everything is JSON-serializable (a Plan travels through Durable history). */
import type {
  ComputeResource,
  IsolationMode,
  OnlineDeployment,
  OnlineEndpoint,
  OutboundRule,
  Workspace,
} from '../arm/types';
import type { PlanStep } from './steps';

export interface OnlineEndpointState {
  endpoint: OnlineEndpoint;
  deployments: OnlineDeployment[];
}

/** A role assignment already present (as far as the caller knows). */
export interface ExistingRoleAssignment {
  scope: string;
  principalId: string;
  roleDefinitionId: string;
}

/**
 * What the planner knows about one workspace. Optional arrays left undefined mean "not read" (unknown), which
 * is different from an empty array ("read, none"): a Resource Graph row has no computes, for example.
 */
export interface WorkspaceState {
  workspace: Workspace;
  /** When the rules were listed separately instead of inline in properties.managedNetwork.outboundRules. */
  outboundRules?: Record<string, OutboundRule>;
  computes?: ComputeResource[];
  onlineEndpoints?: OnlineEndpointState[];
  /** Approver role assignments already present, when known. */
  roleAssignments?: ExistingRoleAssignment[];
  /** For a Project: its hub, when known. */
  hub?: Workspace;
  /** Documented prerequisites, when read; undefined = not checked (the plan then only warns). */
  prerequisites?: WorkspacePrerequisites;
}

/** A management lock on the workspace or a scope above it (its resource group). */
export interface ScopeLock {
  id: string;
  name: string;
  /** `CanNotDelete` or `ReadOnly`. */
  level: string;
  /** The scope the lock is on (resource group or workspace id). */
  scope: string;
}

export interface WorkspacePrerequisites {
  /** Locks at the resource group and at the workspace scope, de-duplicated by id; empty = none. */
  locks: ScopeLock[];
  /** Microsoft.Network registration state in the subscription; undefined = unknown. */
  networkProviderRegistered?: boolean;
}

/** Nothing here needs I/O: callers pass what they already know. */
export interface PlanContext {
  /** ISO timestamp; callers pass it so results are reproducible. */
  now?: string;
  /** Subscriptions the app may act on; a workspace elsewhere is refused. */
  subscriptionsInScope?: string[];
  /** Tenant the app runs in; a workspace identity from another tenant is warned about. */
  tenantId?: string;
  /**
   * Custom approver roles pre-created for uncovered target types (MNET_CUSTOM_APPROVER_ROLES): resource type ->
   * role definition GUID or id. An assignment of one of these on a target of that type counts as present.
   */
  customApproverRoles?: Record<string, string>;
}

export interface PlanWarning {
  /** Stable identifier, e.g. `firewall-cost`. */
  code: string;
  message: string;
  /** The step the warning is about, when there is one. */
  stepId?: string;
  /** `refusal`: the product refuses part of the work (e.g. a write outside its subscriptions); the rest of the plan stands. */
  level?: 'refusal';
}

export interface PlanRefusal {
  reason: string;
  /** Stable identifier of the rule that refuses, e.g. `mode-transition`. */
  rule: string;
}

export interface Plan {
  workspaceId: string;
  workspaceName: string;
  kind: string;
  policyName: string;
  actualMode: IsolationMode;
  desiredMode: IsolationMode;
  /** True iff not refused and there are no steps. */
  compliant: boolean;
  refused?: PlanRefusal;
  steps: PlanStep[];
  warnings: PlanWarning[];
  /** Sum of the steps' estimates (compute migration time is not estimated). */
  estimatedMinutes: number;
  /**
   * False when the state carried no compute / online endpoint inventory: a mode change from Disabled may then
   * need a compute migration this plan cannot list (the onboarding orchestration re-reads computes).
   */
  computesKnown: boolean;
}

/** What each planning stage contributes; plan() merges them. */
export interface PartialPlan {
  steps: PlanStep[];
  warnings: PlanWarning[];
  refused?: PlanRefusal;
}

export function emptyPartial(): PartialPlan {
  return { steps: [], warnings: [] };
}
