/** Builders for policy test inputs. Plain objects, as an HTTP body or a parsed YAML file would give them. */
import { validatePolicy } from '../../src/policy/validate';
import type { PolicyLoadResult, PolicyProblem } from '../../src/policy/types';

export const SUB1 = '00000000-0000-0000-0000-000000000001';
export const SUB2 = '00000000-0000-0000-0000-000000000002';

export function resourceId(provider: string, name: string, sub = SUB1, rg = 'rg-data'): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${name}`;
}

export const STORAGE_ID = resourceId('Microsoft.Storage/storageAccounts', 'stdata');
export const KEYVAULT_ID = resourceId('Microsoft.KeyVault/vaults', 'kvdata');
export const FACTORY_ID = resourceId('Microsoft.DataFactory/factories', 'adf1');
export const AI_SERVICES_ID = resourceId('Microsoft.CognitiveServices/accounts', 'ais1');
export const AI_SEARCH_ID = resourceId('Microsoft.Search/searchServices', 'search1');
export const WORKSPACE_ID = resourceId('Microsoft.MachineLearningServices/workspaces', 'ws1', SUB1, 'rg-ml');

export type Raw = Record<string, unknown>;

export function fqdn(name: string, destination: unknown): Raw {
  return { name, type: 'fqdn', destination };
}

export function tag(name: string, service_tag: string, protocol = 'TCP', port_ranges: unknown = '443'): Raw {
  return { name, type: 'service_tag', destination: { service_tag, protocol, port_ranges } };
}

export function pe(name: string, service_resource_id: string, subresource_target = 'blob', spark_enabled = false): Raw {
  return { name, type: 'private_endpoint', destination: { service_resource_id, subresource_target, spark_enabled } };
}

export function mn(isolation_mode: string, outbound_rules: Raw[] = [], extra: Raw = {}): Raw {
  return { isolation_mode, outbound_rules, ...extra };
}

/** A valid approved-outbound policy with the given top-level keys replaced. */
export function policy(over: Raw = {}): Raw {
  return { scope: { subscriptions: [SUB1] }, managed_network: mn('allow_only_approved_outbound'), ...over };
}

export function approved(rules: Raw[], over: Raw = {}): Raw {
  return policy({ managed_network: mn('allow_only_approved_outbound', rules), ...over });
}

export function allProblems(r: PolicyLoadResult): PolicyProblem[] {
  return [...(r.ok ? [] : r.problems), ...(r.warnings ?? [])];
}

export function ruleIds(r: PolicyLoadResult): string[] {
  return allProblems(r).map((p) => p.rule);
}

export function check(raw: unknown): PolicyLoadResult {
  return validatePolicy(raw);
}
