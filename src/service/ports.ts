/**
 * What the service layer needs from the rest of the app, as narrow interfaces. composition.ts binds them to
 * the policy loader, the ARM client, the planner and the report store; tests bind them to fakes.
 */
import type { Workspace } from '../arm/types';
import type { Policy } from '../policy/types';
import type { FieldProblem } from './service-error';

export type PolicyResolution = { ok: true; policy: Policy } | { ok: false; problems: FieldProblem[] };

export interface PolicyResolver {
  /** The policy the app enforces (MNET_POLICY_PATH): used by Event Grid and the drift timer. */
  defaultPolicy(): Promise<Policy>;
  /** A request's `policy`: a name from MNET_POLICY_DIR, or an inline policy object. Problems are paths under `policy`. */
  resolve(ref: unknown): Promise<PolicyResolution>;
}

/** What was read about a workspace: the resource plus whatever else the planner needs (computes, ...). */
export interface WorkspaceSnapshot {
  workspace: Workspace;
  /** Opaque to the service layer; handed to the planner unchanged. */
  state: unknown;
}

export interface WorkspacePlanning {
  /** Reads the workspace through ARM; undefined when it does not exist. */
  read(workspaceId: string): Promise<WorkspaceSnapshot | undefined>;
  /** Policy scope (resource groups, kinds, tags, exclusions) - the subscription allow-list is checked separately. */
  isInScope(policy: Policy, workspace: Workspace): { inScope: boolean; reason?: string };
  /** Pure planning: what the orchestration would do to bring the workspace in line. */
  plan(policy: Policy, snapshot: WorkspaceSnapshot): unknown;
}

export interface DriftReportSource {
  /** The latest drift report, or undefined when no scan has finished yet. */
  latest(): Promise<unknown>;
}

/** Raised by ports when Azure Resource Manager refused or failed a read (mapped to 502, never leaked raw). */
export class UpstreamError extends Error {
  constructor(readonly status: number | undefined, message: string) {
    super(message);
    this.name = 'UpstreamError';
  }
}
