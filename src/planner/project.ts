/**
 * Projects (AI Studio / Foundry) use their hub's managed network: nothing on a project is the product's to
 * change. A project is compliant when its hub is; otherwise its plan is one step pointing at the hub.
 */
import type { Workspace } from '../arm/types';
import { flags, stepId } from './steps';
import { emptyPartial, type PartialPlan, type Plan } from './types';

export function planProject(project: Workspace, hubPlan: Plan | undefined): PartialPlan {
  const out = emptyPartial();
  const hubId = project.properties.hubResourceId;
  if (typeof hubId !== 'string' || hubId.length === 0) {
    out.refused = {
      rule: 'project-without-hub',
      reason: 'The workspace is a Project without properties.hubResourceId: a project is governed through its hub.',
    };
    return out;
  }
  if (hubPlan?.compliant === true) return out;
  const hubReasons = hubPlan === undefined ? [] : hubPlan.refused ? [hubPlan.refused.reason] : hubPlan.steps.map((s) => s.reason);
  out.steps.push({
    id: stepId('govern-through-hub'),
    kind: 'govern-through-hub',
    target: hubId,
    reason:
      hubPlan === undefined
        ? `projects use their hub's managed network: govern the hub ${hubId}`
        : `the hub ${hubPlan.workspaceName} is not compliant: ${hubReasons.join('; ')}`,
    flags: flags({}),
    params: hubPlan === undefined ? { hubResourceId: hubId, hubReasons } : { hubResourceId: hubId, hubCompliant: false, hubReasons },
  });
  return out;
}
