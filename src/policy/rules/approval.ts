/** Private endpoint approval is not automatic since 30 April 2025. Facts: "Approval of private endpoints". */
import { APPROVER_ROLE } from '../../catalog/approver-role';
import type { Check } from './check';
import { effectiveRulesOf } from './effective';

export const checkApproverRoles: Check = (view, sink) => {
  if (view.approverRoles === undefined || view.approverRoles.assign) return;
  if (!effectiveRulesOf(view).some((e) => e.rule.type === 'private_endpoint')) return;
  sink.warn(['approver_roles', 'assign'], 'approver-roles-not-assigned',
    `private endpoints are no longer approved automatically: with assign false, the workspace identity needs "${APPROVER_ROLE.name}" on every target, granted by someone else`);
};
