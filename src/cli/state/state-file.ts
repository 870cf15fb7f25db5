/**
 * Workspace state files for `mnet plan --state`. Two shapes are accepted:
 *  - a bare Workspace, exactly as ARM returns it (GET {ws}; `az ml workspace show` is NOT that shape);
 *  - a bundle `{ "workspace": Workspace, "computes"?: Compute[], "onlineEndpoints"?: [{ "endpoint", "deployments" }],
 *    "outboundRules"?: {name: rule}, "roleAssignments"?: [{scope, principalId, roleDefinitionId}], "hub"?: Workspace }`.
 * List values may also be ARM list responses (`{"value": [...]}`), so `az rest` output can be pasted as is.
 * Leaving `computes` / `onlineEndpoints` out means "not read": the plan says computesKnown: false.
 */
import { readFile } from 'node:fs/promises';
import type { ComputeResource, OutboundRule, Workspace } from '../../arm/types';
import type { ExistingRoleAssignment, OnlineEndpointState, WorkspaceState } from '../../planner/types';

export class StateFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'StateFileError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON.parse reports a character offset; people want line:column. */
function jsonSyntaxMessage(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(message);
  if (m?.[1] === undefined) return `not valid JSON: ${message}`;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${line}:${column}: not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

function listOf(v: unknown, what: string, path: string): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v;
  if (isObject(v) && Array.isArray(v['value'])) return v['value'];
  throw new StateFileError(path, `${what} must be an array (or an ARM list response {"value": [...]})`);
}

function checkWorkspace(v: unknown, where: string, path: string): Workspace {
  if (!isObject(v)) throw new StateFileError(path, `${where} must be a workspace object as ARM returns it`);
  for (const key of ['id', 'name', 'location'] as const) {
    if (typeof v[key] !== 'string' || v[key] === '') throw new StateFileError(path, `${where}.${key} is missing (a workspace as ARM returns it has id, name, location, properties)`);
  }
  if (!isObject(v['properties'])) throw new StateFileError(path, `${where}.properties is missing`);
  return v as unknown as Workspace;
}

function checkComputes(v: unknown, path: string): ComputeResource[] | undefined {
  const list = listOf(v, 'computes', path);
  list?.forEach((c, i) => {
    if (!isObject(c) || typeof c['name'] !== 'string' || !isObject(c['properties']) || typeof c['properties']['computeType'] !== 'string') {
      throw new StateFileError(path, `computes[${i}] needs name and properties.computeType`);
    }
  });
  return list as ComputeResource[] | undefined;
}

function checkEndpoints(v: unknown, path: string): OnlineEndpointState[] | undefined {
  const list = listOf(v, 'onlineEndpoints', path);
  return list?.map((e, i) => {
    // Either {endpoint, deployments} or a bare endpoint (deployments then unknown: none listed).
    const endpoint = isObject(e) && isObject(e['endpoint']) ? e['endpoint'] : e;
    if (!isObject(endpoint) || typeof endpoint['name'] !== 'string') throw new StateFileError(path, `onlineEndpoints[${i}] needs an endpoint with a name`);
    const deployments = isObject(e) && 'deployments' in e ? listOf(e['deployments'], `onlineEndpoints[${i}].deployments`, path) ?? [] : [];
    return { endpoint, deployments } as unknown as OnlineEndpointState;
  });
}

function checkRules(v: unknown, path: string): Record<string, OutboundRule> | undefined {
  if (v === undefined || v === null) return undefined;
  // ARM list of rule resources: {value: [{name, properties}]}.
  const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(v['value']) ? v['value'] : undefined;
  if (list !== undefined) {
    const rules: Record<string, OutboundRule> = {};
    list.forEach((r, i) => {
      if (!isObject(r) || typeof r['name'] !== 'string' || !isObject(r['properties'])) throw new StateFileError(path, `outboundRules[${i}] needs name and properties`);
      rules[r['name']] = r['properties'] as unknown as OutboundRule;
    });
    return rules;
  }
  if (!isObject(v)) throw new StateFileError(path, 'outboundRules must map rule names to rules');
  return v as unknown as Record<string, OutboundRule>;
}

function checkAssignments(v: unknown, path: string): ExistingRoleAssignment[] | undefined {
  const list = listOf(v, 'roleAssignments', path);
  return list?.map((a, i) => {
    // Accept ARM role assignment resources too ({properties: {scope, principalId, roleDefinitionId}}).
    const p = isObject(a) && isObject(a['properties']) ? a['properties'] : a;
    if (!isObject(p) || typeof p['scope'] !== 'string' || typeof p['principalId'] !== 'string' || typeof p['roleDefinitionId'] !== 'string') {
      throw new StateFileError(path, `roleAssignments[${i}] needs scope, principalId and roleDefinitionId`);
    }
    return { scope: p['scope'], principalId: p['principalId'], roleDefinitionId: p['roleDefinitionId'] };
  });
}

export function parseStateText(text: string, path: string): WorkspaceState {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StateFileError(path, jsonSyntaxMessage(text, e));
  }
  if (!isObject(data)) throw new StateFileError(path, 'must hold a JSON object: a workspace, or {"workspace": ..., "computes": [...]}');
  if (!('workspace' in data)) return { workspace: checkWorkspace(data, 'workspace', path) };
  const state: WorkspaceState = { workspace: checkWorkspace(data['workspace'], 'workspace', path) };
  const computes = checkComputes(data['computes'], path);
  if (computes !== undefined) state.computes = computes;
  const endpoints = checkEndpoints(data['onlineEndpoints'], path);
  if (endpoints !== undefined) state.onlineEndpoints = endpoints;
  const rules = checkRules(data['outboundRules'], path);
  if (rules !== undefined) state.outboundRules = rules;
  const assignments = checkAssignments(data['roleAssignments'], path);
  if (assignments !== undefined) state.roleAssignments = assignments;
  if (data['hub'] !== undefined && data['hub'] !== null) state.hub = checkWorkspace(data['hub'], 'hub', path);
  return state;
}

export async function readStateFile(path: string): Promise<WorkspaceState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = isObject(e) ? e['code'] : undefined;
    throw new StateFileError(path, code === 'ENOENT' ? 'state file not found' : `cannot read the state file (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseStateText(text, path);
}
