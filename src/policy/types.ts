/**
 * The policy model after loading and validation (defaults applied). The file uses the same snake_case keys;
 * `managed_network` has exactly the shape of the `az ml` workspace YAML so users can paste theirs.
 * This file is the contract between the policy loader, the planner and the drift evaluator.
 */
import type { PolicyIsolationMode } from '../catalog/isolation-modes';

export interface PolicyServiceTagDestination {
  service_tag: string;
  protocol: string;
  /** e.g. "443" or "80,443" or "8000-8010" */
  port_ranges: string;
}

export interface PolicyPrivateEndpointDestination {
  service_resource_id: string;
  subresource_target: string;
  spark_enabled: boolean;
}

export type PolicyOutboundRule =
  | { name: string; type: 'fqdn'; destination: string }
  | { name: string; type: 'service_tag'; destination: PolicyServiceTagDestination }
  | { name: string; type: 'private_endpoint'; destination: PolicyPrivateEndpointDestination };

export interface PolicyScope {
  subscriptions: string[];
  /** Empty: every resource group. */
  resource_groups: string[];
  /** Empty: every kind. Values: Default, Hub, Project, FeatureStore. */
  workspace_kinds: string[];
  /** Every tag listed must match (value "*" matches any value). */
  tags: Record<string, string>;
  /** Workspace resource ids or names excluded from the policy. */
  exclude: string[];
}

export interface PolicyManagedNetwork {
  isolation_mode: PolicyIsolationMode;
  firewall_sku?: 'standard' | 'basic';
  outbound_rules: PolicyOutboundRule[];
}

export interface PolicyProvisioning {
  /** Provision the managed network as soon as it is configured (recommended; avoids first-compute timeouts). */
  provision_now: boolean;
  include_spark: boolean;
  /** Override of the derived timeout (estimate + margin). */
  timeout_minutes?: number;
}

export type ComputeMigrationMode = 'never' | 'require_approval' | 'automatic';

export interface PolicyComputeMigration {
  mode: ComputeMigrationMode;
  approval_timeout_hours: number;
  /** Leave Kubernetes / attached VMs / cross-region clusters in place instead of refusing the migration. */
  skip_unsupported: boolean;
  max_parallel_deletes: number;
}

export interface PolicyApproverRoles {
  assign: boolean;
  /** Create a scoped custom role for target types the built-in approver role does not cover. */
  custom_role_for_uncovered_types: boolean;
}

export interface PolicyDrift {
  mode: 'report' | 'remediate';
  max_workspaces_per_run: number;
}

/** Targets the prompt_flow pack points private endpoints at. */
export interface PolicyRulePackOptions {
  prompt_flow?: { ai_services_resource_id?: string; ai_search_resource_id?: string };
}

export interface Policy {
  /** Name shown in reports; defaults to the file name. */
  name: string;
  scope: PolicyScope;
  managed_network: PolicyManagedNetwork;
  rule_packs: string[];
  rule_pack_options: PolicyRulePackOptions;
  provisioning: PolicyProvisioning;
  compute_migration: PolicyComputeMigration;
  approver_roles: PolicyApproverRoles;
  /** Unset: leave the workspace's setting alone. */
  public_network_access?: 'enabled' | 'disabled';
  /** Unset: leave alone; "" resets to none. */
  image_build_compute?: string;
  drift: PolicyDrift;
}

/** One problem found in a policy file: where it is and which rule forbids it. */
export interface PolicyProblem {
  /** e.g. `managed_network.outbound_rules[2] (name: pypi)` */
  path: string;
  message: string;
  /** Identifier of the validation rule, e.g. `fqdn-ports` (stable, documented in docs/policy.md). */
  rule: string;
  line?: number;
  column?: number;
  /** Warnings are advice and never fail validation. Unset means 'error'. */
  severity?: 'error' | 'warning';
  /** File name (or other source label) the problem was found in, for formatting. */
  source?: string;
}

/**
 * `problems` holds errors only (validation failed iff there is one); `warnings` holds advice in both branches.
 */
export type PolicyLoadResult =
  | { ok: true; policy: Policy; warnings?: PolicyProblem[] }
  | { ok: false; problems: PolicyProblem[]; warnings?: PolicyProblem[] };
