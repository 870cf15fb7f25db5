/** Durations (emulator-clock ms) of the long-running operations, and other tunables. */
import { PROVISIONING_ESTIMATE_MINUTES } from '../catalog';

export interface LroDurations {
  /** POST provisionManagedNetwork (real: ~30 min). */
  provisionManagedNetwork: number;
  /** Added to the next provisioning when the workspace has FQDN rules and no firewall yet (real: ~10 min). */
  firstFqdnFirewall: number;
  computeCreate: number;
  computeDelete: number;
  /** POST computes/{name}/start|stop|restart. */
  computeStartStop: number;
  endpointCreate: number;
  /** PUT on an existing online endpoint (e.g. a traffic change). */
  endpointUpdate: number;
  endpointDelete: number;
  deploymentCreate: number;
  deploymentDelete: number;
  workspaceCreate: number;
  workspaceDelete: number;
  /** Outbound rule PUT/DELETE (still answered as an LRO, even at 0). */
  ruleWrite: number;
}

const MINUTE = 60_000;

export const DEFAULT_DURATIONS: LroDurations = {
  provisionManagedNetwork: PROVISIONING_ESTIMATE_MINUTES.base * MINUTE,
  firstFqdnFirewall: PROVISIONING_ESTIMATE_MINUTES.firstFqdnRule * MINUTE,
  computeCreate: 5 * MINUTE,
  computeDelete: 2 * MINUTE,
  computeStartStop: 1 * MINUTE,
  endpointCreate: 5 * MINUTE,
  endpointUpdate: 1 * MINUTE,
  endpointDelete: 2 * MINUTE,
  deploymentCreate: 5 * MINUTE,
  deploymentDelete: 2 * MINUTE,
  workspaceCreate: 1 * MINUTE,
  workspaceDelete: 2 * MINUTE,
  ruleWrite: 0,
};

export interface ResolvedSettings {
  durations: LroDurations;
  retryAfterSeconds: number;
  /** Items per page of list operations before a nextLink. */
  pageSize: number;
}
