/** Computes as GET returns them, with the read-only fields a client must drop before a recreate. */
import type { ComputeResource } from '../../arm/types';
import { MIGRATABLE_COMPUTE_TYPES } from '../../catalog';
import { clone } from '../http-types';
import type { ComputeRecord } from '../model/records';

export const COMPUTE_TYPE = 'Microsoft.MachineLearningServices/workspaces/computes';

/** Read-only fields inside properties.properties (rejected on PUT: arm-contract.md says they must be dropped). */
export const COMPUTE_READ_ONLY_FIELDS: readonly string[] = [
  'state',
  'connectivityEndpoints',
  'applications',
  'errors',
  'currentNodeCount',
  'targetNodeCount',
  'allocationState',
  'allocationStateTransitionTime',
  'nodeStateCounts',
  'lastOperation',
  'createdBy',
  'osImageMetadata',
  'versions',
];

function readOnlyFields(c: ComputeRecord): Record<string, unknown> {
  const iso = new Date(c.modifiedOn).toISOString();
  if (c.computeType === 'AmlCompute') {
    const min = Number((c.typeProperties.scaleSettings as { minNodeCount?: unknown } | undefined)?.minNodeCount ?? 0) || 0;
    return {
      currentNodeCount: c.provisioningState === 'Succeeded' ? min : 0,
      targetNodeCount: min,
      allocationState: 'Steady',
      allocationStateTransitionTime: iso,
      errors: null,
      nodeStateCounts: { idleNodeCount: min, runningNodeCount: 0, preparingNodeCount: 0, unusableNodeCount: 0, leavingNodeCount: 0, preemptedNodeCount: 0 },
    };
  }
  if (c.computeType === 'ComputeInstance') {
    return {
      state: c.instanceState ?? 'Running',
      connectivityEndpoints: { publicIpAddress: null, privateIpAddress: '10.0.0.4' },
      applications: [
        { displayName: 'Jupyter', endpointUri: `https://${c.name}.${c.location}.instances.azureml.ms` },
        { displayName: 'Jupyter Lab', endpointUri: `https://${c.name}.${c.location}.instances.azureml.ms/lab` },
      ],
      errors: [],
      lastOperation: { operationName: 'Create', operationStatus: 'Succeeded', operationTime: iso, operationTrigger: 'User' },
      osImageMetadata: { currentImageVersion: '25.01.01', latestImageVersion: '25.01.01', isLatestOsImageVersion: true },
    };
  }
  return {};
}

export function computeView(c: ComputeRecord): ComputeResource {
  const view: ComputeResource = {
    id: c.id,
    name: c.name,
    type: COMPUTE_TYPE,
    location: c.location,
    tags: { ...c.tags },
    properties: {
      computeType: c.computeType,
      computeLocation: c.computeLocation,
      provisioningState: c.provisioningState,
      createdOn: new Date(c.createdOn).toISOString(),
      modifiedOn: new Date(c.modifiedOn).toISOString(),
      provisioningErrors: clone(c.provisioningErrors),
      // Azure ML's own computes (clusters, instances) are not attached; every other type is.
      isAttachedCompute: !MIGRATABLE_COMPUTE_TYPES.includes(c.computeType),
      disableLocalAuth: c.disableLocalAuth ?? true,
      properties: { ...clone(c.typeProperties), ...readOnlyFields(c) },
    },
  };
  if (c.description !== undefined) view.properties.description = c.description;
  if (c.identity !== undefined) view.identity = clone(c.identity);
  if (c.sku !== undefined) view.sku = clone(c.sku);
  return view;
}
