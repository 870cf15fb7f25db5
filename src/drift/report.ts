/** The drift report: what a scan found, JSON-serializable (it is stored and returned by the HTTP API). */
import type { Plan } from '../planner/types';

export interface DriftedWorkspace {
  workspaceId: string;
  name: string;
  kind: string;
  /** One line per plan step: what differs from the policy. */
  reasons: string[];
  plan: Plan;
}

export interface SkippedWorkspace {
  workspaceId: string;
  reason: string;
}

export interface RefusedWorkspace {
  workspaceId: string;
  name: string;
  kind: string;
  reason: string;
  rule: string;
}

export interface DriftReport {
  generatedAt: string;
  policyName: string;
  /** Rows evaluated. */
  scanned: number;
  inScope: number;
  /** How many in-scope workspaces are compliant. */
  compliant: number;
  drifted: DriftedWorkspace[];
  skipped: SkippedWorkspace[];
  refused: RefusedWorkspace[];
  /**
   * Always false: Resource Graph rows carry no computes, so drift judges mode, rules, firewall and public access
   * only; the onboarding orchestration re-reads computes before it migrates anything.
   */
  computesKnown: false;
}

/** A few lines for logs and the CLI. */
export function summarizeDrift(report: DriftReport): string {
  return (
    `${report.policyName}: ${report.scanned} scanned, ${report.inScope} in scope, ${report.compliant} compliant, ` +
    `${report.drifted.length} drifted, ${report.refused.length} refused, ${report.skipped.length} skipped`
  );
}

export function hasDrift(report: DriftReport): boolean {
  return report.drifted.length > 0 || report.refused.length > 0;
}
