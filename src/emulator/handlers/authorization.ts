/**
 * Microsoft.Authorization at any scope (root, management group, subscription, resource group, resource):
 *   roleAssignments (2022-04-01): PUT (201 new, 200 same name + same content, 409 RoleAssignmentExists for the same
 *     scope+principal+role under another name, 409 RoleAssignmentUpdateNotPermitted for a changed one), GET, DELETE,
 *     list with $filter atScope() | principalId eq '...' | assignedTo('...') (combinable with `and`);
 *     a list returns assignments at, above and below the scope (atScope(): at and above).
 *   roleDefinitions (2022-04-01): built-ins plus custom roles; PUT/GET/DELETE/list ($filter roleName eq '...' or
 *     type eq 'BuiltInRole|CustomRole').
 *   locks (2016-09-01): PUT/GET/DELETE and list at any scope (returns locks at, above and below the scope; ARM's
 *     exact inheritance in lists is unverified).
 * Locks never block Microsoft.Authorization writes here.
 */
import { AUTHORIZATION_API_VERSION, LOCKS_API_VERSION } from '../../arm/api-versions';
import { ArmError, validationError } from '../arm-error';
import type { HandlerContext } from '../context';
import { asRecord, json, noContent, type EmuResponse } from '../http-types';
import type { RoleAssignmentRecord, RoleDefinitionRecord } from '../model/records';
import { key, lastSegment, scopeCovers } from '../model/scope';
import type { Params, Route } from '../router';
import { lockView, roleAssignmentView, roleDefinitionView } from '../views/simple-views';
import { listPage, param } from './common';
import type { RolePermission } from '../../arm/types';

const AUTHZ = [AUTHORIZATION_API_VERSION] as const;
const LOCKS = [LOCKS_API_VERSION] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RA = '*scope/providers/Microsoft.Authorization/roleAssignments';
const RD = '*scope/providers/Microsoft.Authorization/roleDefinitions';
const LK = '*scope/providers/Microsoft.Authorization/locks';

export function authorizationRoutes(): Route[] {
  return [
    { method: 'GET', pattern: RA, apiVersions: AUTHZ, lock: 'none', handler: listAssignments },
    { method: 'GET', pattern: `${RA}/:name`, apiVersions: AUTHZ, lock: 'none', handler: getAssignment },
    { method: 'PUT', pattern: `${RA}/:name`, apiVersions: AUTHZ, lock: 'none', handler: putAssignment },
    { method: 'DELETE', pattern: `${RA}/:name`, apiVersions: AUTHZ, lock: 'none', handler: deleteAssignment },
    { method: 'GET', pattern: RD, apiVersions: AUTHZ, lock: 'none', handler: listDefinitions },
    { method: 'GET', pattern: `${RD}/:name`, apiVersions: AUTHZ, lock: 'none', handler: getDefinition },
    { method: 'PUT', pattern: `${RD}/:name`, apiVersions: AUTHZ, lock: 'none', handler: putDefinition },
    { method: 'DELETE', pattern: `${RD}/:name`, apiVersions: AUTHZ, lock: 'none', handler: deleteDefinition },
    { method: 'GET', pattern: LK, apiVersions: LOCKS, lock: 'none', handler: listLocks },
    { method: 'GET', pattern: `${LK}/:name`, apiVersions: LOCKS, lock: 'none', handler: getLock },
    { method: 'PUT', pattern: `${LK}/:name`, apiVersions: LOCKS, lock: 'none', handler: putLock },
    { method: 'DELETE', pattern: `${LK}/:name`, apiVersions: LOCKS, lock: 'none', handler: deleteLock },
  ];
}

function scopeOf(params: Params): string {
  const s = param(params, 'scope');
  return s === '/' ? '' : s;
}

// ---- role assignments ----

function assignmentId(scope: string, name: string): string {
  return `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
}

function getAssignment(ctx: HandlerContext, params: Params): EmuResponse {
  const ra = ctx.state.db.roleAssignments.get(key(assignmentId(scopeOf(params), param(params, 'name'))));
  if (ra === undefined) throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${param(params, 'name')}' is not found.`);
  return json(200, roleAssignmentView(ra));
}

function putAssignment(ctx: HandlerContext, params: Params): EmuResponse {
  const scope = scopeOf(params);
  const name = param(params, 'name');
  if (!GUID.test(name)) throw new ArmError(400, 'InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
  const props = asRecord(asRecord(ctx.req.body).properties);
  const roleDefinitionId = props.roleDefinitionId;
  const principalId = props.principalId;
  if (typeof roleDefinitionId !== 'string' || typeof principalId !== 'string') {
    throw new ArmError(400, 'InvalidRoleAssignmentRequest', 'properties.roleDefinitionId and properties.principalId are required.');
  }
  if (!GUID.test(principalId)) throw new ArmError(400, 'InvalidPrincipalId', `A valid principal ID must be provided for role assignment (got '${principalId}').`);
  const roleGuid = lastSegment(roleDefinitionId);
  if (!/\/providers\/Microsoft\.Authorization\/roleDefinitions\/[^/]+$/i.test(roleDefinitionId) || ctx.state.roleDefinition(roleGuid) === undefined) {
    throw new ArmError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
  }
  const id = assignmentId(scope, name);
  const existing = ctx.state.db.roleAssignments.get(key(id));
  const now = ctx.state.now();
  if (existing !== undefined) {
    const same = existing.principalId.toLowerCase() === principalId.toLowerCase() && lastSegment(existing.roleDefinitionId).toLowerCase() === roleGuid.toLowerCase();
    if (!same) throw new ArmError(409, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
    return json(200, roleAssignmentView(existing));
  }
  const duplicate = [...ctx.state.db.roleAssignments.values()].find(
    (ra) => key(ra.scope) === key(scope) && ra.principalId.toLowerCase() === principalId.toLowerCase() && lastSegment(ra.roleDefinitionId).toLowerCase() === roleGuid.toLowerCase(),
  );
  if (duplicate !== undefined) throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.', { target: duplicate.id });
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
  const rec: RoleAssignmentRecord = {
    id,
    name,
    scope: scope === '' ? '/' : scope,
    // ARM reports the definition id under the assignment's subscription.
    roleDefinitionId: sub !== undefined ? `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}` : `/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
    principalId,
    principalType: typeof props.principalType === 'string' ? props.principalType : 'User',
    createdOn: now,
    updatedOn: now,
  };
  if (typeof props.description === 'string') rec.description = props.description;
  if (typeof props.condition === 'string') rec.condition = props.condition;
  if (typeof props.conditionVersion === 'string') rec.conditionVersion = props.conditionVersion;
  ctx.state.db.roleAssignments.set(key(id), rec);
  return json(201, roleAssignmentView(rec));
}

function deleteAssignment(ctx: HandlerContext, params: Params): EmuResponse {
  const k = key(assignmentId(scopeOf(params), param(params, 'name')));
  const ra = ctx.state.db.roleAssignments.get(k);
  if (ra === undefined) return noContent();
  ctx.state.db.roleAssignments.delete(k);
  return json(200, roleAssignmentView(ra));
}

interface AssignmentFilter {
  atScope: boolean;
  principalId?: string;
}

function parseAssignmentFilter(filter: string | undefined): AssignmentFilter {
  const out: AssignmentFilter = { atScope: false };
  if (filter === undefined || filter.trim() === '') return out;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const c = clause.trim();
    let m: RegExpExecArray | null;
    if (/^atScope\(\)$/i.test(c)) out.atScope = true;
    else if ((m = /^principalId\s+eq\s+'([^']+)'$/i.exec(c)) !== null) out.principalId = m[1];
    else if ((m = /^assignedTo\('([^']+)'\)$/i.exec(c)) !== null) out.principalId = m[1];
    else throw new ArmError(400, 'UnsupportedQuery', `The filter '${filter}' is not supported. Supported: atScope(), principalId eq '{id}', assignedTo('{id}').`);
  }
  return out;
}

function listAssignments(ctx: HandlerContext, params: Params): EmuResponse {
  const scope = scopeOf(params);
  const f = parseAssignmentFilter(ctx.req.query.$filter);
  const items = [...ctx.state.db.roleAssignments.values()].filter((ra) => {
    const above = scopeCovers(ra.scope === '/' ? '' : ra.scope, scope === '' ? '/' : scope);
    const below = scopeCovers(scope, ra.scope);
    if (!(above || (!f.atScope && below))) return false;
    return f.principalId === undefined || ra.principalId.toLowerCase() === f.principalId.toLowerCase();
  });
  return listPage(ctx, items.map(roleAssignmentView));
}

// ---- role definitions ----

function getDefinition(ctx: HandlerContext, params: Params): EmuResponse {
  const d = ctx.state.roleDefinition(param(params, 'name'));
  if (d === undefined) throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${param(params, 'name')}' does not exist.`);
  return json(200, roleDefinitionView(d, param(params, 'scope')));
}

function parsePermissions(value: unknown): RolePermission[] {
  if (!Array.isArray(value) || value.length === 0) throw validationError('properties.permissions must be a non-empty array.', 'properties.permissions');
  return value.map((p) => {
    const r = asRecord(p);
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return { actions: list(r.actions), notActions: list(r.notActions), dataActions: list(r.dataActions), notDataActions: list(r.notDataActions) };
  });
}

function putDefinition(ctx: HandlerContext, params: Params): EmuResponse {
  const scope = scopeOf(params);
  const name = param(params, 'name');
  if (!GUID.test(name)) throw new ArmError(400, 'InvalidRoleDefinitionId', `The role definition ID '${name}' is not valid. It must be a GUID.`);
  const existing = ctx.state.roleDefinition(name);
  if (existing?.type === 'BuiltInRole') throw new ArmError(403, 'AuthorizationFailed', `Built-in role '${existing.roleName}' cannot be modified.`);
  const props = asRecord(asRecord(ctx.req.body).properties);
  if (typeof props.roleName !== 'string' || props.roleName.trim() === '') throw validationError('properties.roleName is required.', 'properties.roleName');
  const permissions = parsePermissions(props.permissions);
  const assignableScopes = Array.isArray(props.assignableScopes) ? props.assignableScopes.filter((s): s is string => typeof s === 'string') : [];
  if (assignableScopes.length === 0) throw validationError('properties.assignableScopes must name at least one scope.', 'properties.assignableScopes');
  const roleName = props.roleName;
  const clash = [...ctx.state.db.roleDefinitions.values()].find((d) => d.name.toLowerCase() !== name.toLowerCase() && d.roleName.toLowerCase() === roleName.toLowerCase());
  if (clash !== undefined) throw new ArmError(409, 'RoleDefinitionWithSameNameExists', `A custom role with the same name '${roleName}' already exists.`);
  const now = ctx.state.now();
  const rec: RoleDefinitionRecord = {
    name: existing?.name ?? name.toLowerCase(),
    scope: existing?.scope ?? (scope === '' ? '/' : scope),
    roleName,
    description: typeof props.description === 'string' ? props.description : '',
    type: 'CustomRole',
    permissions,
    assignableScopes,
    createdOn: existing?.createdOn ?? now,
    updatedOn: now,
  };
  ctx.state.db.roleDefinitions.set(rec.name.toLowerCase(), rec);
  return json(existing === undefined ? 201 : 200, roleDefinitionView(rec, param(params, 'scope')));
}

function deleteDefinition(ctx: HandlerContext, params: Params): EmuResponse {
  const name = param(params, 'name');
  const d = ctx.state.roleDefinition(name);
  if (d === undefined) return noContent();
  if (d.type === 'BuiltInRole') throw new ArmError(403, 'AuthorizationFailed', `Built-in role '${d.roleName}' cannot be deleted.`);
  const used = [...ctx.state.db.roleAssignments.values()].some((ra) => lastSegment(ra.roleDefinitionId).toLowerCase() === name.toLowerCase());
  if (used) throw new ArmError(409, 'RoleDefinitionHasAssignments', `Role definition '${d.roleName}' has assignments; delete them first.`);
  ctx.state.db.roleDefinitions.delete(name.toLowerCase());
  return json(200, roleDefinitionView(d, param(params, 'scope')));
}

function listDefinitions(ctx: HandlerContext, params: Params): EmuResponse {
  const scope = scopeOf(params);
  const filter = ctx.req.query.$filter;
  let byName: string | undefined;
  let byType: string | undefined;
  if (filter !== undefined && filter.trim() !== '') {
    const n = /^roleName\s+eq\s+'([^']*)'$/i.exec(filter.trim());
    const t = /^type\s+eq\s+'([^']*)'$/i.exec(filter.trim());
    if (n !== null) byName = n[1];
    else if (t !== null) byType = t[1];
    else throw new ArmError(400, 'UnsupportedQuery', `The filter '${filter}' is not supported. Supported: roleName eq '{name}', type eq '{BuiltInRole|CustomRole}'.`);
  }
  const items = [...ctx.state.db.roleDefinitions.values()].filter((d) => {
    if (byName !== undefined && d.roleName.toLowerCase() !== byName.toLowerCase()) return false;
    if (byType !== undefined && d.type.toLowerCase() !== byType.toLowerCase()) return false;
    if (d.type === 'BuiltInRole') return true;
    // Custom roles are visible where they are assignable (at or below an assignable scope), or below.
    return d.assignableScopes.some((s) => scopeCovers(s === '/' ? '' : s, scope === '' ? '/' : scope) || scopeCovers(scope, s));
  });
  return listPage(ctx, items.map((d) => roleDefinitionView(d, param(params, 'scope'))));
}

// ---- locks ----

function getLock(ctx: HandlerContext, params: Params): EmuResponse {
  const l = ctx.state.db.locks.get(key(`${scopeOf(params)}/providers/Microsoft.Authorization/locks/${param(params, 'name')}`));
  if (l === undefined) throw new ArmError(404, 'LockNotFound', `The lock '${param(params, 'name')}' could not be found.`);
  return json(200, lockView(l));
}

function putLock(ctx: HandlerContext, params: Params): EmuResponse {
  const props = asRecord(asRecord(ctx.req.body).properties);
  if (props.level !== 'CanNotDelete' && props.level !== 'ReadOnly') throw validationError("properties.level must be 'CanNotDelete' or 'ReadOnly'.", 'properties.level');
  const id = key(`${scopeOf(params)}/providers/Microsoft.Authorization/locks/${param(params, 'name')}`);
  const existed = ctx.state.db.locks.has(id);
  const l = ctx.state.addLock(scopeOf(params), param(params, 'name'), props.level, typeof props.notes === 'string' ? props.notes : undefined);
  return json(existed ? 200 : 201, lockView(l));
}

function deleteLock(ctx: HandlerContext, params: Params): EmuResponse {
  const id = key(`${scopeOf(params)}/providers/Microsoft.Authorization/locks/${param(params, 'name')}`);
  return ctx.state.db.locks.delete(id) ? { status: 200 } : noContent();
}

function listLocks(ctx: HandlerContext, params: Params): EmuResponse {
  const scope = scopeOf(params);
  const atScope = /atScope\(\)/i.test(ctx.req.query.$filter ?? '');
  const items = [...ctx.state.db.locks.values()].filter((l) => scopeCovers(l.scope, scope) || (!atScope && scopeCovers(scope, l.scope)));
  return listPage(ctx, items.map(lockView));
}
