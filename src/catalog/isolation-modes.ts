import type { IsolationMode } from '../arm/types';

/** Policy (az ml YAML) names of the isolation modes, mapped to the ARM values. Source: facts page, "Isolation modes". */
export const ISOLATION_MODES = {
  disabled: 'Disabled',
  allow_internet_outbound: 'AllowInternetOutbound',
  allow_only_approved_outbound: 'AllowOnlyApprovedOutbound',
} as const satisfies Record<string, IsolationMode>;

export type PolicyIsolationMode = keyof typeof ISOLATION_MODES;

export const POLICY_ISOLATION_MODE_NAMES = Object.keys(ISOLATION_MODES) as PolicyIsolationMode[];

/** Restrictiveness order: a move up this list loosens isolation. */
export const ISOLATION_MODE_RANK: Record<IsolationMode, number> = {
  Disabled: 0,
  AllowInternetOutbound: 1,
  AllowOnlyApprovedOutbound: 2,
};

export interface ModeTransitionRule {
  from: IsolationMode;
  to: IsolationMode;
  allowed: boolean;
  /** Why the service refuses it, or why it is risky. */
  reason: string;
  /** Allowed but the product asks for explicit confirmation (the docs contradict each other). */
  requiresConfirmation?: boolean;
}

/**
 * Transitions between modes. Every change of mode is irreversible in practice.
 * Source: facts page "Transitions" (seed 001).
 */
export const MODE_TRANSITIONS: readonly ModeTransitionRule[] = [
  {
    from: 'AllowInternetOutbound',
    to: 'Disabled',
    allowed: false,
    reason: 'Managed network cannot be disabled once enabled.',
  },
  {
    from: 'AllowOnlyApprovedOutbound',
    to: 'Disabled',
    allowed: false,
    reason: 'Managed network cannot be disabled once enabled.',
  },
  {
    from: 'AllowOnlyApprovedOutbound',
    to: 'AllowInternetOutbound',
    allowed: false,
    reason: 'A workspace in allow_only_approved_outbound cannot be changed to allow_internet_outbound.',
  },
  {
    from: 'AllowInternetOutbound',
    to: 'AllowOnlyApprovedOutbound',
    allowed: true,
    requiresConfirmation: true,
    reason:
      'The SDK documentation says a workspace created with internet outbound cannot later move to approved outbound; ' +
      'the service accepts it today, so the product treats it as irreversible and asks for confirmation.',
  },
  {
    from: 'Disabled',
    to: 'AllowInternetOutbound',
    allowed: true,
    reason: 'Enabling the managed network cannot be undone.',
  },
  {
    from: 'Disabled',
    to: 'AllowOnlyApprovedOutbound',
    allowed: true,
    reason: 'Enabling the managed network cannot be undone.',
  },
];

export function findModeTransition(from: IsolationMode, to: IsolationMode): ModeTransitionRule | undefined {
  return MODE_TRANSITIONS.find((t) => t.from === from && t.to === to);
}
