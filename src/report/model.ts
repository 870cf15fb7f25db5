/**
 * What a run report shows: the input of the pure renderers (renderMarkdown, renderHtml). The demo records it from
 * what actually happened (orchestration outputs and custom status, state read back through ARM); the renderers
 * never compute compliance themselves. Everything is JSON-serializable. Times are EMULATED (the run's clock).
 */

/** One outbound rule as read from ARM. */
export interface RuleView {
  name: string;
  type: 'FQDN' | 'PrivateEndpoint' | 'ServiceTag' | string;
  /** Required | Recommended | UserDefined | Dependency. */
  category?: string;
  /** Inactive | Active | Provisioning | Deleting | Failed. */
  status?: string;
  /** FQDN, `ServiceTag protocol ports`, or the private endpoint's target id. */
  destination: string;
  /** Private endpoint rules: what they point at. */
  target?: { resourceId: string; resourceName: string; resourceType: string; subresource: string; sparkEnabled?: boolean };
}

export interface ComputeView {
  name: string;
  computeType: string;
  provisioningState?: string;
}

/** A workspace's managed network at one moment, read through the ARM client. */
export interface NetworkView {
  /** Emulated ISO time of the read. */
  readAt: string;
  isolationMode: string;
  firewallSku?: string;
  publicNetworkAccess?: string;
  /** Managed network status: Active | Inactive. */
  networkStatus?: string;
  sparkReady?: boolean;
  rules: RuleView[];
  computes: ComputeView[];
  onlineEndpoints: string[];
}

export type StepResult = 'succeeded' | 'failed' | 'skipped' | 'planned' | 'rejected' | 'timed-out' | string;

/** One step an orchestration recorded (StepOutcome), with the emulated time it took. */
export interface StepView {
  orchestration: string;
  stepId: string;
  kind: string;
  status: StepResult;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  detail?: string;
  error?: string;
}

/** One orchestration instance that acted on the workspace. */
export interface OrchestrationView {
  name: string;
  instanceId: string;
  /** Completed | Failed | ... */
  runtimeStatus: string;
  /** The output's `result` (applied, migrated, compliant, ...). */
  result?: string;
  trigger?: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export type WorkspaceVerdict = 'compliant' | 'drifted' | 'refused' | 'skipped' | 'unknown';

export interface WorkspaceReport {
  workspaceId: string;
  name: string;
  kind: string;
  resourceGroup: string;
  /** Absent for a workspace created during the run. */
  before?: NetworkView;
  after?: NetworkView;
  /** Verdict of the first and last drift scans (skipped: outside the policy's scope). */
  verdictBefore: WorkspaceVerdict | 'absent';
  verdictAfter: WorkspaceVerdict;
  /** Why it was skipped or refused, in the scan's words. */
  note?: string;
  /** The plan's steps as the planner listed them before anything ran (`kind: reason`). */
  plannedSteps: string[];
  orchestrations: OrchestrationView[];
  steps: StepView[];
  warnings: string[];
}

export interface PhaseView {
  id: string;
  title: string;
  status: 'ok' | 'failed';
  startedAt: string;
  finishedAt: string;
  /** Emulated milliseconds. */
  durationMs: number;
  /** Real milliseconds (the demo's own run time). */
  realMs: number;
  /** What happened, one line each. */
  lines: string[];
}

export interface ScanView {
  /** driftScan instance that produced it. */
  instanceId: string;
  at: string;
  scanned: number;
  inScope: number;
  compliant: number;
  drifted: number;
  refused: number;
  skipped: number;
}

export interface RunReport {
  title: string;
  policyName: string;
  /** Where the policy came from (a path), shown in the report. */
  policySource: string;
  /** ARM endpoint the run talked to. */
  endpoint: string;
  startedAt: string;
  finishedAt: string;
  emulatedMs: number;
  realMs: number;
  phases: PhaseView[];
  scans: { before?: ScanView; after?: ScanView };
  workspaces: WorkspaceReport[];
  /** Overall warnings (not tied to one workspace). */
  warnings: string[];
}
