/** Computes: read, create/recreate, delete (with the underlying VMs), start, stop. */
import { ML_API_VERSION } from '../api-versions';
import type { ComputeResource } from '../types';
import type { ArmClient } from './arm-client';
import type { ClientContext } from './context';
import { asResource, listAll } from './paging';
import { armPath, ML_TYPES, requireId } from './urls';

type ComputeOperations = Pick<
  ArmClient,
  | 'getCompute'
  | 'listComputes'
  | 'beginCreateCompute'
  | 'createComputeAndWait'
  | 'beginDeleteCompute'
  | 'deleteComputeAndWait'
  | 'beginStartCompute'
  | 'beginStopCompute'
>;

export function computeOperations(ctx: ClientContext): ComputeOperations {
  const { transport, lro } = ctx;

  async function getCompute(computeId: string): Promise<ComputeResource> {
    const id = requireId(computeId, ML_TYPES.compute);
    const res = await transport.send({ method: 'GET', url: armPath(id, ML_API_VERSION), operation: 'readComputes', resourceId: id });
    return asResource<ComputeResource>(res.body, { operation: 'readComputes', resourceId: id, status: res.status });
  }

  const beginCreateCompute: ArmClient['beginCreateCompute'] = async (computeId, body) => {
    const id = requireId(computeId, ML_TYPES.compute);
    return lro.begin<ComputeResource>({ method: 'PUT', url: armPath(id, ML_API_VERSION), operation: 'writeCompute', resourceId: id, body });
  };

  const beginDeleteCompute: ArmClient['beginDeleteCompute'] = async (computeId) => {
    const id = requireId(computeId, ML_TYPES.compute);
    return lro.begin({
      method: 'DELETE',
      url: armPath(id, ML_API_VERSION, { underlyingResourceAction: 'Delete' }),
      operation: 'deleteCompute',
      resourceId: id,
    });
  };

  return {
    getCompute,

    async listComputes(workspaceId) {
      const id = requireId(workspaceId, ML_TYPES.workspace);
      return listAll<ComputeResource>(transport, { url: armPath(`${id}/computes`, ML_API_VERSION), operation: 'readComputes', resourceId: id });
    },

    beginCreateCompute,

    async createComputeAndWait(computeId, body, options) {
      const handle = await beginCreateCompute(computeId, body);
      await lro.wait(handle, options);
      return getCompute(handle.resourceId);
    },

    beginDeleteCompute,

    async deleteComputeAndWait(computeId, options) {
      await lro.wait(await beginDeleteCompute(computeId), options);
    },

    async beginStartCompute(computeId) {
      const id = requireId(computeId, ML_TYPES.compute);
      return lro.begin({ method: 'POST', url: armPath(`${id}/start`, ML_API_VERSION), operation: 'startCompute', resourceId: id });
    },

    async beginStopCompute(computeId) {
      const id = requireId(computeId, ML_TYPES.compute);
      return lro.begin({ method: 'POST', url: armPath(`${id}/stop`, ML_API_VERSION), operation: 'stopCompute', resourceId: id });
    },
  };
}
