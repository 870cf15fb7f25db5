/** Resource ids written in a policy must parse and name a resource. */
import { parseResourceId, ResourceIdError, type ParsedResourceId } from '../../arm/resource-id';

export function parseTargetId(id: string): ParsedResourceId | { error: string } {
  try {
    const parsed = parseResourceId(id);
    if (parsed.resourceType === undefined || parsed.name === undefined) {
      return { error: `"${id}" names a subscription or resource group, not a resource (…/providers/{namespace}/{type}/{name})` };
    }
    return parsed;
  } catch (e) {
    return { error: e instanceof ResourceIdError ? e.message : String(e) };
  }
}
