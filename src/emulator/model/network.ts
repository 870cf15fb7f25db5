/** Whose managed network a workspace uses, and which of its resources are "default" (need no approval). */
import { PROJECT_KIND, workspaceDefaultResourceIds } from '../../catalog';
import type { EmulatorState } from '../state';
import type { WorkspaceRecord } from './records';

export const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces';

/** A Project uses its hub's managed network (facts: "projects use the hub's network"). */
export function networkOwner(state: EmulatorState, ws: WorkspaceRecord): WorkspaceRecord {
  if (ws.kind.toLowerCase() !== PROJECT_KIND.toLowerCase()) return ws;
  const hubId = ws.properties.hubResourceId;
  if (typeof hubId !== 'string') return ws;
  return state.workspace(hubId) ?? ws;
}

export function isManaged(ws: WorkspaceRecord): boolean {
  return ws.managedNetwork.isolationMode !== 'Disabled';
}

/** The workspace itself and its default resources (catalog WORKSPACE_DEFAULT_RESOURCE_PROPERTIES). */
export function defaultResourceIds(ws: WorkspaceRecord): string[] {
  return workspaceDefaultResourceIds(ws.id, ws.properties);
}

/** Public network access of a default resource, read from the emulated resource (absent -> Enabled). */
export function publicNetworkAccessOf(state: EmulatorState, ws: WorkspaceRecord, resourceId: string): string {
  if (resourceId.toLowerCase() === ws.id.toLowerCase()) {
    return typeof ws.properties.publicNetworkAccess === 'string' ? ws.properties.publicNetworkAccess : 'Enabled';
  }
  const r = state.resource(resourceId);
  const v = r?.properties.publicNetworkAccess;
  return typeof v === 'string' ? v : 'Enabled';
}
