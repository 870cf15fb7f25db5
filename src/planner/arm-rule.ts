/** Converting policy rules to the ARM rule shape, and comparing destinations the way the service does. */
import type { OutboundRule, PrivateEndpointDestination, ServiceTagDestination } from '../arm/types';
import { PRODUCT_OWNED_RULE_CATEGORY, RULE_TYPES } from '../catalog/outbound-rules';
import type { PolicyOutboundRule } from '../policy/types';
import { parseIdCached } from './resource-ids';

/** The ARM body of a user-defined rule (the service fills status and, for service tags, addressPrefixes). */
export function toArmRule(rule: PolicyOutboundRule): OutboundRule {
  switch (rule.type) {
    case 'fqdn':
      return { type: RULE_TYPES.fqdn, category: PRODUCT_OWNED_RULE_CATEGORY, destination: rule.destination };
    case 'service_tag':
      return {
        type: RULE_TYPES.service_tag,
        category: PRODUCT_OWNED_RULE_CATEGORY,
        destination: {
          serviceTag: rule.destination.service_tag,
          protocol: rule.destination.protocol,
          portRanges: rule.destination.port_ranges,
          action: 'Allow',
        },
      };
    case 'private_endpoint':
      return {
        type: RULE_TYPES.private_endpoint,
        category: PRODUCT_OWNED_RULE_CATEGORY,
        destination: {
          serviceResourceId: rule.destination.service_resource_id,
          subresourceTarget: rule.destination.subresource_target,
          sparkEnabled: rule.destination.spark_enabled,
        },
      };
  }
}

/** "443, 80" and "80,443" are the same port set. */
function normalizePorts(ports: string): string {
  return ports
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .sort()
    .join(',');
}

function serviceTagText(d: ServiceTagDestination): string {
  return `${d.serviceTag} ${d.protocol} ${d.portRanges}${d.action && d.action !== 'Allow' ? ` ${d.action}` : ''}`;
}

/** `storageAccounts/sttrainingdata`: enough to recognise the target in a sentence (params keep the full id). */
export function shortResourceName(id: string): string {
  const parsed = parseIdCached(id);
  if (parsed?.resourceType === undefined || parsed.name === undefined) return id;
  const type = parsed.resourceType.split('/').pop() ?? parsed.resourceType;
  return `${type}/${parsed.name}`;
}

function privateEndpointText(d: PrivateEndpointDestination): string {
  return `${shortResourceName(d.serviceResourceId)} (${d.subresourceTarget}${d.sparkEnabled ? ', spark' : ''})`;
}

/** One line describing a rule's destination ("(none)" when a rule read from ARM has none). */
export function describeDestination(rule: OutboundRule): string {
  const d: unknown = rule.destination;
  if (d === undefined || d === null) return '(none)';
  switch (rule.type) {
    case 'FQDN':
      return rule.destination;
    case 'ServiceTag':
      return serviceTagText(rule.destination);
    case 'PrivateEndpoint':
      return privateEndpointText(rule.destination);
  }
}

/** Case-insensitive equality without allocating when the strings are already identical. */
function sameText(actual: unknown, desired: string | undefined): boolean {
  if (typeof actual !== 'string' || desired === undefined) return actual === desired;
  return actual === desired || (actual.length === desired.length && actual.toLowerCase() === desired.toLowerCase());
}

/**
 * True iff the service would treat the two rules as the same (host names, resource ids, tags and protocols without case,
 * port lists as sets, read-only fields ignored); allocation-free in the common case, as a drift scan compares every
 * rule of every workspace.
 */
export function sameRule(actual: OutboundRule, desired: OutboundRule): boolean {
  if (actual.type !== desired.type) return false;
  const a: unknown = actual.destination;
  if (desired.type === 'FQDN') return sameText(a, desired.destination);
  if (typeof a !== 'object' || a === null) return false;
  const o = a as Record<string, unknown>;
  if (desired.type === 'ServiceTag') {
    const d = desired.destination;
    const ports = o['portRanges'];
    return (
      sameText(o['serviceTag'], d.serviceTag) &&
      sameText(o['protocol'], d.protocol) &&
      sameText(o['action'] ?? 'Allow', d.action ?? 'Allow') &&
      typeof ports === 'string' &&
      (ports === d.portRanges || normalizePorts(ports) === normalizePorts(d.portRanges))
    );
  }
  const d = desired.destination;
  return (
    sameText(o['serviceResourceId'], d.serviceResourceId) &&
    sameText(o['subresourceTarget'], d.subresourceTarget) &&
    (o['sparkEnabled'] === true) === (d.sparkEnabled === true)
  );
}

/**
 * Differences between an actual and a desired rule, empty exactly when sameRule() holds (it is derived from it):
 * the type when that differs, otherwise the destination as read -> as wanted.
 */
export function ruleDifferences(actual: OutboundRule, desired: OutboundRule): string[] {
  if (sameRule(actual, desired)) return [];
  if (actual.type !== desired.type) return [`type: ${actual.type} -> ${desired.type}`];
  return [`destination: ${describeDestination(actual)} -> ${describeDestination(desired)}`];
}
