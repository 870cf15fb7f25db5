/** Scope: subscription GUIDs, resource group names, exclusions, project kind. */
import { isWorkspaceId } from '../../arm/resource-id';
import { WORKSPACE_NAME_PATTERN } from '../../catalog/outbound-rules';
import { HUB_KIND, PROJECT_KIND, RESOURCE_GROUP_NAME_PATTERN } from '../../catalog/prerequisites';
import type { Check } from './check';
import { parseTargetId } from './resource-ids';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const checkScope: Check = (view, sink) => {
  const scope = view.scope;
  if (scope === undefined) return;
  scope.subscriptions.forEach((s, i) => {
    if (!GUID.test(s)) {
      sink.error(['scope', 'subscriptions', i], 'scope-subscription-guid', `"${s}" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000001)`);
    }
  });
  scope.resource_groups.forEach((rg, i) => {
    if (!RESOURCE_GROUP_NAME_PATTERN.test(rg)) {
      sink.error(['scope', 'resource_groups', i], 'scope-resource-group-name',
        `"${rg}" is not a resource group name (1-90 letters, digits, "-", "_", ".", "(", ")"; not ending with ".")`);
    }
  });
  scope.exclude.forEach((entry, i) => {
    const at = ['scope', 'exclude', i];
    if (entry.startsWith('/')) {
      const parsed = parseTargetId(entry);
      if ('error' in parsed) sink.error(at, 'resource-id-well-formed', parsed.error);
      else if (!isWorkspaceId(entry)) sink.error(at, 'scope-exclude-valid', `"${entry}" is a ${parsed.resourceType} id, not a workspace id`);
    } else if (!WORKSPACE_NAME_PATTERN.test(entry)) {
      sink.error(at, 'scope-exclude-valid', `"${entry}" is neither a workspace resource id nor a workspace name`);
    }
  });
  const p = scope.workspace_kinds.indexOf(PROJECT_KIND);
  if (p >= 0 && !scope.workspace_kinds.includes(HUB_KIND)) {
    sink.warn(['scope', 'workspace_kinds', p], 'project-governed-through-hub',
      `projects use their hub's managed network and are governed through it; add ${HUB_KIND} to workspace_kinds`);
  }
};
