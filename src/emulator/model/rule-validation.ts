/**
 * The service's checks on a user outbound rule (facts page "Outbound rules"): the mode allows the type (catalog
 * RULE_TYPES_ALLOWED_BY_MODE), FQDN ports 80/443 only, no FQDN to Azure Storage in approved mode, PE targets of a
 * supported type and subresource in the same tenant, ServiceTag shape. Status codes are 400 ValidationError (the
 * real code of some of these is unverified).
 */
import type { IsolationMode, OutboundRule } from '../../arm/types';
import { tryParseResourceId } from '../../arm/resource-id';
import {
  FQDN_ALLOWED_PORTS,
  RULE_NAME_PATTERN,
  RULE_TYPES_ALLOWED_BY_MODE,
  SERVICE_TAG_PROTOCOLS,
  findPrivateEndpointTargetType,
  storageSuffixReached,
  supportedTargetTypeList,
} from '../../catalog';
import { validationError } from '../arm-error';
import { isRecord } from '../http-types';
import type { EmulatorState } from '../state';
import type { WorkspaceRecord } from './records';

const TYPES: Record<string, OutboundRule['type']> = { fqdn: 'FQDN', privateendpoint: 'PrivateEndpoint', servicetag: 'ServiceTag' };

export function checkRuleName(name: string): void {
  if (name.startsWith('__SYS')) throw validationError(`Outbound rule '${name}' is a Required rule managed by the service and cannot be changed.`, name);
  if (!RULE_NAME_PATTERN.test(name)) throw validationError(`The outbound rule name '${name}' is invalid. It must match ${RULE_NAME_PATTERN.source}.`, name);
}

export function modeRefusal(mode: IsolationMode, type: OutboundRule['type'], name: string): string | undefined {
  if (RULE_TYPES_ALLOWED_BY_MODE[mode].includes(type)) return undefined;
  if (mode === 'Disabled') {
    return `Outbound rules are not supported when the managed network isolation mode is Disabled (rule '${name}' of type ${type}).`;
  }
  return `Only PrivateEndpoint outbound rules are supported in AllowInternetOutbound isolation mode; rule '${name}' is of type ${type}.`;
}

/** Validates and normalises a user rule for the workspace (already resolved to the network owner). */
export function validateUserRule(state: EmulatorState, owner: WorkspaceRecord, mode: IsolationMode, name: string, input: unknown): OutboundRule {
  checkRuleName(name);
  if (!isRecord(input)) throw validationError(`Outbound rule '${name}' must be an object with type and destination.`, name);
  const type = typeof input.type === 'string' ? TYPES[input.type.toLowerCase()] : undefined;
  if (type === undefined) throw validationError(`Outbound rule '${name}' has an invalid type '${String(input.type)}'. Use FQDN, PrivateEndpoint or ServiceTag.`, `${name}.type`);
  const refusal = modeRefusal(mode, type, name);
  if (refusal !== undefined) throw validationError(refusal, `${name}.type`);
  switch (type) {
    case 'FQDN':
      return fqdnRule(mode, name, input);
    case 'PrivateEndpoint':
      return privateEndpointRule(state, owner, name, input);
    case 'ServiceTag':
      return serviceTagRule(name, input);
  }
}

function fqdnRule(mode: IsolationMode, name: string, input: Record<string, unknown>): OutboundRule {
  let destination = input.destination;
  if (typeof destination !== 'string' || destination.trim() === '') throw validationError(`FQDN rule '${name}' needs a destination host name.`, `${name}.destination`);
  destination = destination.trim();
  const ports: string[] = [];
  // Where a port is given is unverified: accept portRanges/ports/port on the rule and a ':port' suffix.
  for (const k of ['portRanges', 'ports', 'port']) if (input[k] !== undefined && input[k] !== null) ports.push(String(input[k]));
  const hostPort = /^(.*):(\d+)$/.exec(destination as string);
  if (hostPort !== null) ports.push(hostPort[2] as string);
  for (const p of ports.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s.length > 0)) {
    const [a, b] = p.split('-').map((x) => Number(x.trim()));
    const ok = a !== undefined && FQDN_ALLOWED_PORTS.includes(a) && (b === undefined || b === a);
    if (!ok) throw validationError(`FQDN outbound rules support ports ${FQDN_ALLOWED_PORTS.join(' and ')} only; rule '${name}' asks for '${p}'.`, `${name}.destination`);
  }
  const host = (hostPort?.[1] ?? destination as string).toLowerCase();
  if (mode === 'AllowOnlyApprovedOutbound' && storageSuffixReached(host) !== undefined) {
    throw validationError(`FQDN rule '${name}' targets Azure Storage ('${host}'); use a PrivateEndpoint rule to reach storage accounts.`, `${name}.destination`);
  }
  const out: OutboundRule = { type: 'FQDN', destination: destination as string };
  for (const k of ['portRanges', 'ports', 'port']) if (input[k] !== undefined) out[k] = input[k];
  return out;
}

function privateEndpointRule(state: EmulatorState, owner: WorkspaceRecord, name: string, input: Record<string, unknown>): OutboundRule {
  const d = input.destination;
  if (!isRecord(d) || typeof d.serviceResourceId !== 'string') throw validationError(`PrivateEndpoint rule '${name}' needs destination.serviceResourceId.`, `${name}.destination`);
  const parsed = tryParseResourceId(d.serviceResourceId);
  if (parsed?.resourceType === undefined || parsed.names.length !== 1) {
    throw validationError(`PrivateEndpoint rule '${name}': '${d.serviceResourceId}' is not a resource id.`, `${name}.destination.serviceResourceId`);
  }
  const target = findPrivateEndpointTargetType(parsed.resourceType);
  if (target === undefined) {
    throw validationError(`Private endpoint target type '${parsed.resourceType}' is not supported by the managed network. Supported types: ${supportedTargetTypeList()}.`, `${name}.destination.serviceResourceId`);
  }
  const sub = typeof d.subresourceTarget === 'string' ? target.subresources.find((s) => s.toLowerCase() === (d.subresourceTarget as string).toLowerCase()) : undefined;
  if (sub === undefined) {
    throw validationError(`Subresource '${String(d.subresourceTarget)}' is not valid for ${target.resourceType}. Valid: ${target.subresources.join(', ')}.`, `${name}.destination.subresourceTarget`);
  }
  const targetTenant = state.tenantOf(parsed.subscriptionId);
  const ownTenant = state.tenantOf(owner.subscriptionId);
  if (targetTenant !== undefined && ownTenant !== undefined && targetTenant !== ownTenant) {
    throw validationError(`Private endpoint target '${d.serviceResourceId}' is in another tenant; targets must be in the workspace's tenant.`, `${name}.destination.serviceResourceId`);
  }
  const spark = d.sparkEnabled === true;
  if (spark && target.sparkCapable !== true) throw validationError(`sparkEnabled is only supported for ${target.resourceType === 'Microsoft.Storage/storageAccounts' ? '' : 'storage account '}targets.`, `${name}.destination.sparkEnabled`);
  return { type: 'PrivateEndpoint', destination: { serviceResourceId: d.serviceResourceId, subresourceTarget: sub, sparkEnabled: spark } };
}

function serviceTagRule(name: string, input: Record<string, unknown>): OutboundRule {
  const d = input.destination;
  if (!isRecord(d) || typeof d.serviceTag !== 'string' || d.serviceTag.trim() === '') throw validationError(`ServiceTag rule '${name}' needs destination.serviceTag.`, `${name}.destination`);
  const protocol = typeof d.protocol === 'string' ? SERVICE_TAG_PROTOCOLS.find((p) => p.toLowerCase() === (d.protocol as string).toLowerCase()) : undefined;
  if (protocol === undefined) throw validationError(`ServiceTag rule '${name}': protocol must be one of ${SERVICE_TAG_PROTOCOLS.join(', ')}.`, `${name}.destination.protocol`);
  if (typeof d.portRanges !== 'string' || !/^(\*|\d+(-\d+)?)(,\s*\d+(-\d+)?)*$/.test(d.portRanges.trim())) {
    throw validationError(`ServiceTag rule '${name}': portRanges must be like '443' or '80,443' or '8000-8010'.`, `${name}.destination.portRanges`);
  }
  const action = d.action === undefined ? 'Allow' : d.action;
  if (action !== 'Allow' && action !== 'Deny') throw validationError(`ServiceTag rule '${name}': action must be Allow or Deny.`, `${name}.destination.action`);
  return { type: 'ServiceTag', destination: { serviceTag: d.serviceTag, protocol, portRanges: d.portRanges.trim(), action } };
}
