/**
 * Checks for the identifiers a caller may send: ARM resource ids, names, ticket ids. Ids are parsed with
 * parseResourceId (no `..`, no empty segments) and must name the expected resource type; percent-encoded text
 * is refused outright so nothing can be decoded into a different path further down.
 */
import { isWorkspaceId, parseResourceId, ResourceIdError, type ParsedResourceId } from '../arm/resource-id';
import { WORKSPACE_NAME_PATTERN } from '../catalog/outbound-rules';
import { RESOURCE_GROUP_NAME_PATTERN } from '../catalog/prerequisites';
import type { FieldChecker } from './field-checks';

export const WORKSPACE_NAME = WORKSPACE_NAME_PATTERN;
export const RESOURCE_GROUP_NAME = RESOURCE_GROUP_NAME_PATTERN;
export const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const LOCATION = /^[a-z][a-z0-9]{1,39}$/;
/** Ticket ids of common ticket systems (INC0012345, OPS-42, CHG:7); safe in URLs, table keys and logs. */
export const TICKET_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const MAX_RESOURCE_ID = 512;

export const RESOURCE_ID_HINT = '/subscriptions/{guid}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}';

export interface ResourceIdRule {
  required: boolean;
  /** Full type, compared case-insensitively, e.g. Microsoft.Storage/storageAccounts. */
  type: string;
}

/** Returns the parsed id when it is a well-formed id of the expected type; otherwise records why not. */
export function checkResourceId(fields: FieldChecker, name: string, rule: ResourceIdRule): ParsedResourceId | undefined {
  const value = fields.string(name, { required: rule.required, maxLength: MAX_RESOURCE_ID });
  if (value === undefined) return undefined;
  return checkResourceIdValue(fields, value, fields.pathOf(name), rule.type);
}

export function checkResourceIdValue(fields: FieldChecker, value: string, path: string, type: string): ParsedResourceId | undefined {
  if (value.includes('%')) {
    fields.add(path, 'must not contain percent-encoded characters', 'encoded-characters');
    return undefined;
  }
  let parsed: ParsedResourceId;
  try {
    parsed = parseResourceId(value);
  } catch (error) {
    const reason = error instanceof ResourceIdError ? error.message.replace(/^".*" is not/, 'is not') : 'is not a valid ARM resource id';
    fields.add(path, `${reason} (expected ${RESOURCE_ID_HINT})`, 'resource-id');
    return undefined;
  }
  if (parsed.resourceType?.toLowerCase() !== type.toLowerCase()) {
    fields.add(path, `must be the id of a ${type} resource (got ${parsed.resourceType ?? 'a subscription or resource group id'})`, 'resource-type');
    return undefined;
  }
  if (parsed.resourceGroup !== undefined && !RESOURCE_GROUP_NAME.test(parsed.resourceGroup)) {
    fields.add(path, 'has an invalid resource group name', 'resource-group-name');
    return undefined;
  }
  return parsed;
}

/** A workspace id with a valid workspace name (ARM: 3-33 of letters, digits, `_`, `-`). */
export function checkWorkspaceId(fields: FieldChecker, name: string, required: boolean): string | undefined {
  const parsed = checkResourceId(fields, name, { required, type: 'Microsoft.MachineLearningServices/workspaces' });
  if (parsed === undefined) return undefined;
  const value = fields.raw(name) as string;
  if (!isWorkspaceId(value) || parsed.name === undefined || !WORKSPACE_NAME.test(parsed.name)) {
    fields.add(fields.pathOf(name), 'has an invalid workspace name (3-33 letters, digits, "_" or "-", starting with a letter or digit)', 'workspace-name');
    return undefined;
  }
  return value;
}
