/**
 * Private endpoint rules: well-formed target, supported target type, valid subresource, spark only on storage,
 * duplicates, and approval (not automatic since 30 April 2025). Facts: "Private endpoint targets", "Approval".
 * Same-tenant targets and the service-endpoint conflict need the live resource: the planner checks those.
 */
import { APPROVER_ROLE } from '../../catalog/approver-role';
import { findPrivateEndpointTargetType, supportedTargetTypeList } from '../../catalog/private-endpoint-targets';
import { sameResourceId } from '../../arm/resource-id';
import { rulePath, type Check } from './check';
import { parseTargetId } from './resource-ids';

export const checkPrivateEndpointRules: Check = (view, sink) => {
  const seen: Array<{ id: string; sub: string; index: number }> = [];
  for (const { index, rule } of view.rules) {
    if (rule.type !== 'private_endpoint') continue;
    const at = rulePath(index);
    const { service_resource_id: id, subresource_target: sub, spark_enabled: spark } = rule.destination;
    const parsed = parseTargetId(id);
    if ('error' in parsed) {
      sink.error(at, 'resource-id-well-formed', `service_resource_id: ${parsed.error}`, {
        pointAt: rulePath(index, 'destination', 'service_resource_id'),
      });
      continue;
    }
    const target = findPrivateEndpointTargetType(parsed.resourceType ?? '');
    if (target === undefined) {
      sink.error(
        at,
        'pe-target-type-supported',
        `private endpoints to ${parsed.resourceType} are not supported by the managed network; supported types: ${supportedTargetTypeList()}`,
        { pointAt: rulePath(index, 'destination', 'service_resource_id') },
      );
      continue;
    }
    if (!target.subresources.some((s) => s.toLowerCase() === sub.toLowerCase())) {
      sink.error(
        at,
        'pe-subresource-valid',
        `subresource_target "${sub}" is not valid for ${target.displayName}; valid: ${target.subresources.join(', ')}`,
        { pointAt: rulePath(index, 'destination', 'subresource_target') },
      );
    }
    if (spark && target.sparkCapable !== true) {
      sink.error(at, 'spark-only-storage', `spark_enabled is only possible on a private endpoint to a storage account, not to ${target.displayName}`, {
        pointAt: rulePath(index, 'destination', 'spark_enabled'),
      });
    }
    const dup = seen.find((s) => sameResourceId(s.id, id) && s.sub.toLowerCase() === sub.toLowerCase());
    if (dup !== undefined) {
      sink.warn(at, 'pe-duplicate-target', `managed_network.outbound_rules[${dup.index}] already creates a private endpoint to this resource and subresource`);
    } else {
      seen.push({ id, sub, index });
    }
    const roles = view.approverRoles;
    if (roles !== undefined && roles.assign && !target.approverRoleCovers && !roles.custom_role_for_uncovered_types) {
      sink.warn(
        at,
        'approver-role-uncovered-type',
        `"${APPROVER_ROLE.name}" does not cover ${target.resourceType} and approver_roles.custom_role_for_uncovered_types is false: this private endpoint stays pending until someone approves it`,
      );
    }
  }
};
