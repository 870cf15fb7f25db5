/**
 * Outbound rules as the service reports them: the Required rules it derives from the mode (service tags only in
 * approved-outbound mode; private endpoints to the workspace and its storage/key vault/registry always in
 * approved-outbound mode, in internet-outbound mode only for those with public network access Disabled), then the
 * user's rules (category UserDefined) with a status evaluated now:
 *   Provisioning/Deleting while a rule LRO runs; Failed after a failed rule LRO;
 *   Inactive + errorInformation for a PE rule whose approval permission is missing;
 *   Inactive for an FQDN rule until a provisioning has created the firewall;
 *   otherwise Active when the managed network is provisioned, else Inactive.
 */
import type { OutboundRule, OutboundRuleResource, PrivateEndpointOutboundRule } from '../../arm/types';
import {
  REQUIRED_OUTBOUND_SERVICE_TAGS,
  REQUIRED_PRIVATE_ENDPOINT_RESOURCES,
  REQUIRED_SERVICE_TAG_WITH_PRIVATE_ENDPOINTS,
  expandRegion,
} from '../../catalog';
import { clone } from '../http-types';
import { approvalError } from '../model/approval';
import { networkOwner, publicNetworkAccessOf } from '../model/network';
import type { UserRuleRecord, WorkspaceRecord } from '../model/records';
import { lastSegment } from '../model/scope';
import type { EmulatorState } from '../state';

export const OUTBOUND_RULE_TYPE = 'Microsoft.MachineLearningServices/workspaces/outboundRules';

function safe(text: string): string {
  return text.replace(/[^a-zA-Z0-9_-]/g, '_');
}

export function requiredRules(state: EmulatorState, ws: WorkspaceRecord): [string, OutboundRule][] {
  const mode = ws.managedNetwork.isolationMode;
  if (mode === 'Disabled') return [];
  const status = ws.managedNetwork.status === 'Active' ? 'Active' : 'Inactive';
  const out: [string, OutboundRule][] = [];
  const pes: [string, OutboundRule][] = [];
  for (const r of REQUIRED_PRIVATE_ENDPOINT_RESOURCES) {
    const target = r.property === 'self' ? ws.id : ws.properties[r.property];
    if (typeof target !== 'string' || target.length === 0) continue;
    if (mode === 'AllowInternetOutbound' && publicNetworkAccessOf(state, ws, target) !== 'Disabled') continue;
    pes.push([
      `__SYS_PE_${safe(lastSegment(target))}_${r.subresource}`,
      {
        type: 'PrivateEndpoint',
        category: 'Required',
        status,
        destination: { serviceResourceId: target, subresourceTarget: r.subresource, sparkEnabled: false, sparkStatus: 'Inactive' },
      },
    ]);
  }
  if (mode === 'AllowOnlyApprovedOutbound') {
    const tags = REQUIRED_OUTBOUND_SERVICE_TAGS.map((t) => expandRegion(t, ws.location));
    if (pes.length > 0) tags.push(REQUIRED_SERVICE_TAG_WITH_PRIVATE_ENDPOINTS);
    for (const tag of tags) {
      out.push([
        `__SYS_ST_${safe(tag)}`,
        {
          type: 'ServiceTag',
          category: 'Required',
          status,
          destination: { serviceTag: tag, protocol: 'TCP', portRanges: '443', action: 'Allow' },
        },
      ]);
    }
  }
  return [...out, ...pes];
}

export function userRuleView(state: EmulatorState, owner: WorkspaceRecord, rec: UserRuleRecord): OutboundRule {
  const rule = clone(rec.rule);
  rule.category = 'UserDefined';
  rule.errorInformation = null;
  if (rec.pending !== undefined) {
    rule.status = rec.pending;
    return rule;
  }
  if (rec.failed === true) {
    rule.status = 'Failed';
    return rule;
  }
  if (rule.type === 'PrivateEndpoint') {
    const err = approvalError(state, owner, rule as PrivateEndpointOutboundRule);
    if (err !== undefined) {
      rule.status = 'Inactive';
      rule.errorInformation = err;
      return rule;
    }
    rule.destination.sparkStatus = rule.destination.sparkEnabled === true && owner.managedNetwork.sparkReady ? 'Active' : 'Inactive';
  }
  if (rule.type === 'FQDN' && !owner.managedNetwork.firewallProvisioned) {
    rule.status = 'Inactive';
    return rule;
  }
  rule.status = owner.managedNetwork.status === 'Active' ? 'Active' : 'Inactive';
  return rule;
}

/** All rules of the workspace's effective network (a Project reports its hub's). */
export function effectiveRules(state: EmulatorState, ws: WorkspaceRecord): [string, OutboundRule][] {
  const owner = networkOwner(state, ws);
  const user = [...owner.userRules.values()].map((r): [string, OutboundRule] => [r.name, userRuleView(state, owner, r)]);
  return [...requiredRules(state, owner), ...user];
}

export function ruleResource(ws: WorkspaceRecord, name: string, rule: OutboundRule): OutboundRuleResource {
  return { id: `${ws.id}/outboundRules/${name}`, name, type: OUTBOUND_RULE_TYPE, properties: rule };
}

export function outboundRuleResources(state: EmulatorState, ws: WorkspaceRecord): OutboundRuleResource[] {
  return effectiveRules(state, ws).map(([name, rule]) => ruleResource(ws, name, rule));
}
