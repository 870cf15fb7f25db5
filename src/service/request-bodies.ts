/**
 * The shapes of the API's request bodies, checked field by field. Each parser returns the typed value and
 * every problem found; unknown members are problems too (a misspelt `dryrun` must not silently mean false).
 */
import { parseResourceId, workspaceId as buildWorkspaceId } from '../arm/resource-id';
import { CREATABLE_WORKSPACE_KINDS, type CreatableWorkspaceKind } from '../catalog/prerequisites';
import { FieldChecker } from './field-checks';
import { checkResourceId, checkWorkspaceId, LOCATION, RESOURCE_GROUP_NAME, SUBSCRIPTION_ID, TICKET_ID, WORKSPACE_NAME } from './identifiers';
import type { FieldProblem } from './service-error';

export type Parsed<T> = { value: T; problems: FieldProblem[] };

const TICKET_RULE = {
  required: true,
  maxLength: 128,
  pattern: TICKET_ID,
  patternHint: 'letters, digits, ".", "_", ":" or "-" (at most 128), starting with a letter or digit',
  patternRule: 'ticket-id',
} as const;
const PERSON_RULE = { maxLength: 256 } as const;

/** `policy` is resolved later (by name or inline); here only its JSON type is checked. */
function checkPolicyRef(fields: FieldChecker): unknown {
  if (!fields.has('policy')) return undefined;
  const raw = fields.raw('policy');
  if (typeof raw === 'string' || (raw !== null && typeof raw === 'object' && !Array.isArray(raw))) return raw;
  fields.add('policy', 'must be a policy name (string) or an inline policy (object)', 'type');
  return undefined;
}

export interface SubmitRequestBody {
  workspaceId?: string;
  policy?: unknown;
  ticketId?: string;
  requestedBy?: string;
  dryRun: boolean;
}

export function parseSubmitRequest(body: Record<string, unknown>): Parsed<SubmitRequestBody> {
  const f = new FieldChecker(body);
  f.onlyKnown(['workspaceId', 'policy', 'ticketId', 'requestedBy', 'dryRun']);
  const value: SubmitRequestBody = {
    workspaceId: checkWorkspaceId(f, 'workspaceId', true),
    policy: checkPolicyRef(f),
    ticketId: f.string('ticketId', TICKET_RULE),
    requestedBy: f.string('requestedBy', { ...PERSON_RULE, required: true }),
    dryRun: f.boolean('dryRun', false),
  };
  return { value, problems: f.problems };
}

export interface PlanBody {
  workspaceId?: string;
  policy?: unknown;
}

export function parsePlanRequest(body: Record<string, unknown>): Parsed<PlanBody> {
  const f = new FieldChecker(body);
  f.onlyKnown(['workspaceId', 'policy']);
  return { value: { workspaceId: checkWorkspaceId(f, 'workspaceId', true), policy: checkPolicyRef(f) }, problems: f.problems };
}

export interface DecisionBody {
  approver?: string;
  comment?: string;
}

export function parseDecision(body: Record<string, unknown>, approverRequired: boolean): Parsed<DecisionBody> {
  const f = new FieldChecker(body);
  f.onlyKnown(['approver', 'comment']);
  const value: DecisionBody = {};
  const approver = f.string('approver', { ...PERSON_RULE, required: approverRequired });
  const comment = f.string('comment', { maxLength: 2000, multiline: true });
  if (approver !== undefined) value.approver = approver;
  if (comment !== undefined) value.comment = comment;
  return { value, problems: f.problems };
}

export type WorkspaceKindInput = CreatableWorkspaceKind;

export interface CreateWorkspaceBody {
  subscriptionId?: string;
  resourceGroup?: string;
  name?: string;
  location?: string;
  kind?: WorkspaceKindInput;
  hubId?: string;
  policy?: unknown;
  dependencies?: { storageAccount?: string; keyVault?: string; applicationInsights?: string; containerRegistry?: string };
  tags?: Record<string, string>;
  ticketId?: string;
  requestedBy?: string;
  dryRun: boolean;
  /** The id the new workspace will have (when subscription, group and name are valid). */
  workspaceId?: string;
}

export const DEPENDENCY_TYPES = {
  storageAccount: 'Microsoft.Storage/storageAccounts',
  keyVault: 'Microsoft.KeyVault/vaults',
  applicationInsights: 'Microsoft.Insights/components',
  containerRegistry: 'Microsoft.ContainerRegistry/registries',
} as const;

export function parseCreateWorkspace(body: Record<string, unknown>): Parsed<CreateWorkspaceBody> {
  const f = new FieldChecker(body);
  f.onlyKnown(['subscriptionId', 'resourceGroup', 'name', 'location', 'kind', 'hubId', 'policy', 'dependencies', 'tags', 'ticketId', 'requestedBy', 'dryRun']);
  const value: CreateWorkspaceBody = {
    subscriptionId: f.string('subscriptionId', { required: true, maxLength: 36, pattern: SUBSCRIPTION_ID, patternHint: 'a subscription GUID', patternRule: 'subscription-id' }),
    resourceGroup: f.string('resourceGroup', { required: true, maxLength: 90, pattern: RESOURCE_GROUP_NAME, patternHint: '1-90 letters, digits, "_", "-", ".", "(" or ")", not ending in "."', patternRule: 'resource-group-name' }),
    name: f.string('name', { required: true, maxLength: 33, pattern: WORKSPACE_NAME, patternHint: '3-33 letters, digits, "_" or "-", starting with a letter or digit', patternRule: 'workspace-name' }),
    location: f.string('location', { required: true, maxLength: 40, pattern: LOCATION, patternHint: 'an Azure region name such as westeurope', patternRule: 'location' }),
    kind: f.oneOf('kind', CREATABLE_WORKSPACE_KINDS, true),
    policy: checkPolicyRef(f),
    ticketId: f.string('ticketId', TICKET_RULE),
    requestedBy: f.string('requestedBy', PERSON_RULE),
    dryRun: f.boolean('dryRun', false),
  };
  const hub = checkResourceId(f, 'hubId', { required: false, type: 'Microsoft.MachineLearningServices/workspaces' });
  if (hub !== undefined) value.hubId = f.raw('hubId') as string;
  // A project lives in a hub; a hub or default workspace has none.
  if (value.kind === 'Project' && hub === undefined && !f.problems.some((p) => p.path === 'hubId')) {
    f.add('hubId', 'is required when kind is Project', 'hub-required');
  }
  if (value.kind !== undefined && value.kind !== 'Project' && f.has('hubId')) {
    f.add('hubId', 'is only allowed when kind is Project', 'hub-not-allowed');
  }
  const deps = f.object('dependencies', false);
  if (deps !== undefined) {
    const d = f.child('dependencies', deps);
    d.onlyKnown(Object.keys(DEPENDENCY_TYPES));
    const out: NonNullable<CreateWorkspaceBody['dependencies']> = {};
    for (const [key, type] of Object.entries(DEPENDENCY_TYPES) as [keyof typeof DEPENDENCY_TYPES, string][]) {
      if (checkResourceId(d, key, { required: false, type }) !== undefined) out[key] = d.raw(key) as string;
    }
    f.absorb(d);
    value.dependencies = out;
  }
  const tags = checkTags(f);
  if (tags !== undefined) value.tags = tags;
  if (value.subscriptionId !== undefined && value.resourceGroup !== undefined && value.name !== undefined) {
    value.workspaceId = buildWorkspaceId(value.subscriptionId, value.resourceGroup, value.name);
  }
  return { value, problems: f.problems };
}

/** Subscriptions a create request refers to (the workspace's, the hub's, the dependencies'). */
export function subscriptionsReferenced(body: CreateWorkspaceBody): string[] {
  const ids = [body.hubId, ...Object.values(body.dependencies ?? {})].filter((v): v is string => v !== undefined);
  const subs = ids.map((id) => parseResourceId(id).subscriptionId);
  if (body.subscriptionId !== undefined) subs.unshift(body.subscriptionId);
  return [...new Set(subs.map((s) => s.toLowerCase()))];
}

/** ARM tag limits: at most 50, names up to 512 characters (no `<>%&\\?/`), values up to 256. */
function checkTags(f: FieldChecker): Record<string, string> | undefined {
  const raw = f.object('tags', false);
  if (raw === undefined) return undefined;
  const entries = Object.entries(raw);
  if (entries.length > 50) {
    f.add('tags', `must have at most 50 tags (got ${entries.length})`, 'max-items');
    return undefined;
  }
  const out: Record<string, string> = {};
  const t = f.child('tags', raw);
  for (const [key] of entries) {
    if (key.length === 0 || key.length > 512 || /[<>%&\\?/]/.test(key)) {
      t.add(t.pathOf(key), 'is not a valid tag name (1-512 characters, none of < > % & \\ ? /)', 'tag-name');
      continue;
    }
    const v = t.string(key, { required: true, maxLength: 256, minLength: 0 });
    if (v !== undefined) out[key] = v;
  }
  f.absorb(t);
  return out;
}
