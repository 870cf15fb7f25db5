/**
 * Contracts between triggers, orchestrators and activities: names, inputs, outputs, custom status.
 * Everything here is JSON-serializable (it travels through Durable history).
 */
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
  /** The plan being executed (Plan from the planner, as JSON). */
  plan?: unknown;
  outcomes: StepOutcome[];
  waitingForApproval?: { stepIds: string[]; deadline: string };
  message?: string;
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
}
