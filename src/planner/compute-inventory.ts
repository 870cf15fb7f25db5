/**
 * Sorts a workspace's computes and online endpoints by what enabling the managed network means for them:
 * managed computes are deleted and recreated (no in-place path), attached services are left alone, and
 * Kubernetes / attached VMs / clusters outside the workspace's region are not supported at all.
 */
import type { ComputeResource, Workspace } from '../arm/types';
import {
  ATTACHED_COMPUTE_TYPES,
  COMPUTE_CLUSTER_TYPE,
  CROSS_REGION_CLUSTER_SUPPORTED,
  MIGRATABLE_COMPUTE_TYPES,
  UNSUPPORTED_COMPUTE_TYPES,
  UNSUPPORTED_ENDPOINT_COMPUTE_TYPES,
} from '../catalog/compute-migration';
import type { ComputeLeftInPlace, ComputeToMigrate, EndpointToMigrate } from './steps';
import type { OnlineEndpointState } from './types';
import { normalizeRegion } from './workspace-facts';

export interface ComputeInventory {
  migrate: ComputeToMigrate[];
  endpoints: EndpointToMigrate[];
  unsupported: ComputeLeftInPlace[];
  /** Attached services (Databricks, HDInsight, ...): nothing of theirs lives in the managed network. */
  untouched: ComputeLeftInPlace[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function hasSubnet(props: Record<string, unknown> | undefined): boolean {
  const subnet = props?.['subnet'];
  return typeof subnet === 'object' && subnet !== null && text((subnet as Record<string, unknown>)['id']) !== undefined;
}

function classify(workspace: Workspace, compute: ComputeResource): { verdict: 'migrate' | 'unsupported' | 'untouched'; reason: string } {
  const type = compute.properties.computeType;
  if (UNSUPPORTED_COMPUTE_TYPES.includes(type)) {
    return { verdict: 'unsupported', reason: `${type} computes are not supported in a managed network` };
  }
  if (ATTACHED_COMPUTE_TYPES.includes(type)) {
    return { verdict: 'untouched', reason: `attached ${type} compute: not part of the managed network` };
  }
  if (!MIGRATABLE_COMPUTE_TYPES.includes(type)) {
    return { verdict: 'unsupported', reason: `compute type ${type} is not known to be supported in a managed network` };
  }
  const region = normalizeRegion(compute.properties.computeLocation ?? compute.location);
  const home = normalizeRegion(workspace.location);
  if (type === COMPUTE_CLUSTER_TYPE && !CROSS_REGION_CLUSTER_SUPPORTED && region !== undefined && home !== undefined && region !== home) {
    return {
      verdict: 'unsupported',
      reason: `cluster in ${compute.properties.computeLocation ?? compute.location}, not the workspace's region ${workspace.location}`,
    };
  }
  return { verdict: 'migrate', reason: '' };
}

function isUnsupportedEndpointCompute(type: string | undefined): boolean {
  const wanted = type?.toLowerCase();
  return wanted !== undefined && UNSUPPORTED_ENDPOINT_COMPUTE_TYPES.some((t) => t.toLowerCase() === wanted);
}

export function inventoryComputes(
  workspace: Workspace,
  computes: readonly ComputeResource[],
  endpoints: readonly OnlineEndpointState[],
): ComputeInventory {
  const inventory: ComputeInventory = { migrate: [], endpoints: [], unsupported: [], untouched: [] };
  for (const compute of computes) {
    const type = compute.properties.computeType;
    const { verdict, reason } = classify(workspace, compute);
    if (verdict === 'migrate') {
      const props = compute.properties.properties;
      const entry: ComputeToMigrate = { name: compute.name, computeType: type, dropsSubnet: hasSubnet(props) };
      if (compute.id !== undefined) entry.id = compute.id;
      const location = compute.properties.computeLocation ?? compute.location;
      if (location !== undefined) entry.location = location;
      const vmSize = text(props?.['vmSize']);
      if (vmSize !== undefined) entry.vmSize = vmSize;
      inventory.migrate.push(entry);
    } else {
      inventory[verdict].push({ name: compute.name, computeType: type, reason });
    }
  }
  for (const { endpoint, deployments } of endpoints) {
    // Kubernetes online endpoints run on an attached cluster, which a managed network does not support.
    const onKubernetes = deployments.some((d) => isUnsupportedEndpointCompute(d.properties.endpointComputeType));
    if (onKubernetes) {
      inventory.unsupported.push({
        name: endpoint.name,
        computeType: 'KubernetesOnlineEndpoint',
        reason: 'Kubernetes online endpoints are not supported in a managed network',
      });
      continue;
    }
    const entry: EndpointToMigrate = { name: endpoint.name, deployments: deployments.map((d) => d.name) };
    if (endpoint.id !== undefined) entry.id = endpoint.id;
    inventory.endpoints.push(entry);
  }
  return inventory;
}
