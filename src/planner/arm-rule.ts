/** Converting policy rules to the ARM rule shape, and comparing destinations the way the service does. */
import type { OutboundRule, PrivateEndpointDestination, ServiceTagDestination } from '../arm/types';
import { tryParseResourceId } from '../arm/resource-id';
import { PRODUCT_OWNED_RULE_CATEGORY, RULE_TYPES } from '../catalog/outbound-rules';
import type { PolicyOutboundRule } from '../policy/types';

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
  const parsed = tryParseResourceId(id);
  if (parsed?.resourceType === undefined || parsed.name === undefined) return id;
  const type = parsed.resourceType.split('/').pop() ?? parsed.resourceType;
  return `${type}/${parsed.name}`;
}

function privateEndpointText(d: PrivateEndpointDestination): string {
  return `${shortResourceName(d.serviceResourceId)} (${d.subresourceTarget}${d.sparkEnabled ? ', spark' : ''})`;
}

/** One line describing a rule's destination. */
export function describeDestination(rule: OutboundRule): string {
  switch (rule.type) {
    case 'FQDN':
      return rule.destination;
    case 'ServiceTag':
      return serviceTagText(rule.destination);
    case 'PrivateEndpoint':
      return privateEndpointText(rule.destination);
  }
}

/**
 * Differences between an actual and a desired rule, empty when equivalent. Host names, resource ids, tags and
 * protocols compare without case (as ARM does); read-only fields (status, sparkStatus, addressPrefixes) are ignored.
 */
export function ruleDifferences(actual: OutboundRule, desired: OutboundRule): string[] {
  if (actual.type !== desired.type) return [`type: ${actual.type} -> ${desired.type}`];
  const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  if (actual.type === 'FQDN' && desired.type === 'FQDN') {
    return same(actual.destination, desired.destination) ? [] : [`destination: ${actual.destination} -> ${desired.destination}`];
  }
  if (actual.type === 'ServiceTag' && desired.type === 'ServiceTag') {
    const a = actual.destination;
    const d = desired.destination;
    const equal =
      same(a?.serviceTag, d.serviceTag) &&
      same(a?.protocol, d.protocol) &&
      normalizePorts(a?.portRanges ?? '') === normalizePorts(d.portRanges) &&
      same(a?.action ?? 'Allow', d.action ?? 'Allow');
    return equal ? [] : [`destination: ${a ? serviceTagText(a) : '(none)'} -> ${serviceTagText(d)}`];
  }
  if (actual.type === 'PrivateEndpoint' && desired.type === 'PrivateEndpoint') {
    const a = actual.destination;
    const d = desired.destination;
    const equal =
      same(a?.serviceResourceId, d.serviceResourceId) &&
      same(a?.subresourceTarget, d.subresourceTarget) &&
      (a?.sparkEnabled ?? false) === (d.sparkEnabled ?? false);
    return equal ? [] : [`destination: ${a ? privateEndpointText(a) : '(none)'} -> ${privateEndpointText(d)}`];
  }
  return [];
}
