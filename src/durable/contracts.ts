/**
 * Contracts between triggers, orchestrators and activities: names, inputs, outputs, custom status.
 * Everything here is JSON-serializable (it travels through Durable history).
 */
import type { ApproverAssignment, PlanStep } from '../planner/steps';
import type { Policy } from '../policy/types';

export const ORCHESTRATORS = {
  onboardWorkspace: 'onboardWorkspace',
  provisionNetwork: 'provisionNetwork',
  assignApproverRoles: 'assignApproverRoles',
  migrateComputes: 'migrateComputes',
  resumeMigration: 'resumeMigration',
  driftScan: 'driftScan',
  createWorkspace: 'createWorkspace',
} as const;
export type OrchestratorName = (typeof ORCHESTRATORS)[keyof typeof ORCHESTRATORS];

/** External event an approver raises on a waiting orchestration. */
export const APPROVAL_EVENT = 'approval';

export interface ApprovalDecision {
  approved: boolean;
  approver: string;
  comment?: string;
  /** How the approver was authenticated: function key, or an Entra token's subject. */
  authenticatedAs?: string;
}

export type TriggerSource = 'eventgrid' | 'http' | 'timer' | 'drift' | 'cli';

export interface RequestMetadata {
  trigger: TriggerSource;
  ticketId?: string;
  requestedBy?: string;
  /** Correlation id of the triggering event or HTTP request. */
  correlationId?: string;
}

export interface OnboardWorkspaceInput {
  workspaceId: string;
  /** Subscriptions the app is configured for (MNET_SUBSCRIPTIONS): nothing outside them is written, role assignments on private-endpoint targets included. */
  subscriptions?: string[];
  policy: Policy;
  dryRun: boolean;
  request: RequestMetadata;
  /** Overrides the policy's approval timeout (hours). */
  approvalTimeoutHours?: number;
}

export type StepStatus = 'succeeded' | 'failed' | 'skipped' | 'planned' | 'rejected' | 'timed-out';

export interface StepOutcome {
  stepId: string;
  kind: string;
  status: StepStatus;
  startedAt: string;
  finishedAt: string;
  /** One line a person can read. */
  detail?: string;
  error?: { code: string; message: string };
}

export type OrchestrationPhase =
  | 'reading'
  | 'planning'
  | 'waiting-for-approval'
  | 'applying'
  | 'provisioning'
  | 'migrating'
  | 'assigning-roles'
  | 'scanning'
  | 'completed'
  | 'failed';

export interface OrchestrationCustomStatus {
  phase: OrchestrationPhase;
  workspaceId?: string;
  currentStep?: string;
  ticketId?: string;
  /**
   * The plan being executed: a bounded summary (steps with reasons and flags, warnings) because Durable caps custom
   * status at 16 KB; the full Plan is in the output (`OnboardWorkspaceOutput.plan`).
   */
  plan?: unknown;
  outcomes: StepOutcome[];
  waitingForApproval?: { stepIds: string[]; deadline: string };
  message?: string;
  /** Older outcomes left out to keep the status under Durable's 16 KB (the output has them all). */
  outcomesOmitted?: number;
}

export type OnboardResult =
  | 'compliant'
  | 'applied'
  | 'dry-run'
  | 'rejected'
  | 'approval-timeout'
  | 'refused'
  | 'failed';

export interface OnboardWorkspaceOutput {
  workspaceId: string;
  result: OnboardResult;
  plan?: unknown;
  outcomes: StepOutcome[];
  errors: { code: string; message: string }[];
  /** Set when the plan migrated computes: resumeMigration takes it after a failure. */
  migrationId?: string;
}

export interface DriftScanInput {
  policy: Policy;
  /** Subscriptions the app is configured for; intersected with the policy's scope. */
  subscriptions: string[];
  dryRun?: boolean;
  request: RequestMetadata;
}

export interface CreateWorkspaceInput {
  subscriptionId: string;
  /** Subscriptions the app is configured for (MNET_SUBSCRIPTIONS): nothing outside them is written, role assignments on private-endpoint targets included. */
  subscriptions?: string[];
  resourceGroup: string;
  name: string;
  location: string;
  kind: 'Default' | 'Hub' | 'Project';
  hubId?: string;
  policy: Policy;
  dependencies?: {
    storageAccount?: string;
    keyVault?: string;
    applicationInsights?: string;
    containerRegistry?: string;
  };
  dryRun?: boolean;
  request: RequestMetadata;
  /** Tenant of the key vault created when none is given (defaults to the app's tenant as the caller knows it). */
  tenantId?: string;
  tags?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------------------
// Added with the orchestrations: sub-orchestration inputs/outputs and the outputs of the top-level ones.
// ---------------------------------------------------------------------------------------------------------------

/** Outcome of one step when a top-level orchestration fails or is refused. */
export interface OrchestrationError {
  code: string;
  message: string;
}

export interface ProvisionNetworkInput {
  workspaceId: string;
  includeSpark: boolean;
  /** Give up (and fail) after this long: the plan's estimate + margin, or policy.provisioning.timeout_minutes. */
  timeoutMinutes: number;
  /** Provisioning was already started (provisionNetworkNow at creation): only wait for it. */
  alreadyStarted?: boolean;
  request?: RequestMetadata;
  /** Carried across continueAsNew; never set by callers. */
  progress?: ProvisionProgress;
}

export interface ProvisionProgress {
  startedAt: string;
  deadline: string;
  polls: number;
  nextDelaySeconds: number;
}

export interface ProvisionNetworkOutput {
  workspaceId: string;
  status: 'Active';
  sparkReady: boolean;
  startedAt: string;
  finishedAt: string;
  polls: number;
}

export interface AssignApproverRolesInput {
  workspaceId: string;
  /** Subscriptions the app is configured for (MNET_SUBSCRIPTIONS): nothing outside them is written, role assignments on private-endpoint targets included. */
  subscriptions?: string[];
  /** From the plan's assign-approver-roles step; when absent they are computed from the workspace and policy. */
  assignments?: ApproverAssignment[];
  policy?: Policy;
  /** Wait for the private endpoint rules to those targets to become Active (false when provisioning follows). */
  confirmActive: boolean;
  /** Bound on that wait (default 30 minutes). */
  confirmTimeoutMinutes?: number;
  request?: RequestMetadata;
}

export interface AssignedRole {
  scope: string;
  principalId: string;
  roleDefinitionId: string;
  assignmentName: string;
  /** False when it already existed (a retry, or an earlier run). */
  created: boolean;
}

export interface RuleActivation {
  name: string;
  target: string;
  status: string;
}

export interface AssignApproverRolesOutput {
  workspaceId: string;
  assigned: AssignedRole[];
  customRoles: { resourceType: string; scope: string; roleDefinitionId: string }[];
  /** Private endpoint rules to the targets, with the status last read. */
  rules: RuleActivation[];
  /** True when every such rule was seen Active (always false when confirmActive was false). */
  confirmed: boolean;
  /** Confirmation was pointless: the managed network is not provisioned yet (rules turn Active once it is). */
  deferred?: boolean;
}

export interface MigrateComputesInput {
  workspaceId: string;
  policy: Policy;
  request: RequestMetadata;
  /** Defaults to a new GUID; the snapshots live under it (resumeMigration needs it). */
  migrationId?: string;
  dryRun?: boolean;
  /** Overrides policy.compute_migration.approval_timeout_hours. */
  approvalTimeoutHours?: number;
  /** Approval already given by the caller (the onboarding asked once for the whole plan). */
  approval?: ApprovalDecision;
  /**
   * Plan steps to apply between the deletion and the recreation (mode, access, firewall, rules, roles,
   * provisioning). Absent: set the policy's isolation mode and provision per the policy.
   */
  networkSteps?: PlanStep[];
}

export type MigrationResult =
  | 'migrated'
  | 'nothing-to-migrate'
  | 'dry-run'
  | 'refused'
  | 'rejected'
  | 'approval-timeout'
  | 'failed';

export interface MigrateComputesOutput {
  workspaceId: string;
  migrationId: string;
  result: MigrationResult;
  outcomes: StepOutcome[];
  /** Snapshot keys prefix in the snapshot store. */
  snapshotPrefix?: string;
  deleted: string[];
  recreated: string[];
  /** Left in place (unsupported, skip_unsupported on). */
  skipped: string[];
  /** What is still missing when the migration stopped (resumeMigration recreates it). */
  missing: string[];
  /** Differences found by the verification (read-only fields ignored). */
  differences: string[];
  errors: OrchestrationError[];
}

export interface ResumeMigrationInput {
  workspaceId: string;
  migrationId: string;
  request: RequestMetadata;
  /** For the provisioning timeout and the delete/create concurrency; defaults apply without it. */
  policy?: Policy;
}

export interface DriftRemediation {
  workspaceId: string;
  instanceId: string;
  result?: OnboardResult;
  error?: string;
}

export interface DriftScanOutput {
  policyName: string;
  reportKey: string;
  scanned: number;
  inScope: number;
  compliant: number;
  drifted: number;
  refused: number;
  remediation: DriftRemediation[];
  /** Drifted workspaces beyond max_workspaces_per_run, left for the next scan. */
  remediationDeferred: number;
}

export interface CreateWorkspaceOutput {
  workspaceId: string;
  result: 'created' | 'exists' | 'dry-run' | 'failed';
  outcomes: StepOutcome[];
  /** Dependent resources used (given or created). */
  dependencies: Record<string, string>;
  errors: OrchestrationError[];
}
