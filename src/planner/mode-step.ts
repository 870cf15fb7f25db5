/**
 * The isolation-mode change: allowed, refused or risky, from the catalog's transition table; when the workspace
 * reports `managedNetwork.changeableIsolationModes`, a mode it does not list is refused as well.
 */
import type { IsolationMode } from '../arm/types';
import { findModeTransition } from '../catalog/isolation-modes';
import { flags, stepId } from './steps';
import { emptyPartial, type PartialPlan } from './types';

export function planModeChange(
  workspaceId: string,
  from: IsolationMode,
  to: IsolationMode,
  /** The workspace's `properties.managedNetwork.changeableIsolationModes`, when it reports them. */
  changeable?: readonly IsolationMode[],
): PartialPlan {
  const out = emptyPartial();
  if (from === to) return out;
  const transition = findModeTransition(from, to);
  if (transition === undefined || !transition.allowed) {
    out.refused = {
      rule: 'mode-transition',
      reason:
        `The workspace is ${from} and the policy wants ${to}: ` +
        (transition?.reason ?? `the service does not support changing ${from} to ${to}.`),
    };
    return out;
  }
  if (Array.isArray(changeable) && !changeable.some((m) => m.toLowerCase() === to.toLowerCase())) {
    out.refused = {
      rule: 'mode-transition',
      reason:
        `The workspace is ${from} and the policy wants ${to}, but the workspace reports it can only change to ` +
        `[${changeable.join(', ')}] (managedNetwork.changeableIsolationModes).`,
    };
    return out;
  }
  const requiresConfirmation = transition.requiresConfirmation === true;
  const id = stepId('set-isolation-mode');
  out.steps.push({
    id,
    kind: 'set-isolation-mode',
    target: workspaceId,
    reason: `isolation mode is ${from}; the policy requires ${to}`,
    // Every mode change is irreversible in practice; restricting outbound breaks workloads that reach the internet.
    flags: flags({
      irreversible: true,
      needsApproval: true,
      disruptive: to === 'AllowOnlyApprovedOutbound',
    }),
    params: { from, to, requiresConfirmation, note: transition.reason },
  });
  out.warnings.push({
    code: 'mode-change-irreversible',
    stepId: id,
    message: requiresConfirmation
      ? `Changing the isolation mode from ${from} to ${to} cannot be undone.`
      : `Changing the isolation mode from ${from} to ${to}: ${transition.reason}`,
  });
  if (requiresConfirmation) {
    out.warnings.push({
      code: 'mode-change-needs-confirmation',
      stepId: id,
      message: `${from} -> ${to} needs explicit confirmation. ${transition.reason}`,
    });
  }
  return out;
}
