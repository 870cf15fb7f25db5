/** Managed online endpoints and their deployments. */
import { ML_API_VERSION } from '../api-versions';
import type { OnlineDeployment, OnlineEndpoint } from '../types';
import type { ArmClient } from './arm-client';
import type { ClientContext } from './context';
import { asResource, listAll } from './paging';
import { armPath, ML_TYPES, requireId } from './urls';

type EndpointOperations = Pick<
  ArmClient,
  | 'getOnlineEndpoint'
  | 'listOnlineEndpoints'
  | 'beginCreateOnlineEndpoint'
  | 'beginDeleteOnlineEndpoint'
  | 'getOnlineDeployment'
  | 'listOnlineDeployments'
  | 'beginCreateOnlineDeployment'
  | 'beginDeleteOnlineDeployment'
>;

export function endpointOperations(ctx: ClientContext): EndpointOperations {
  const { transport, lro } = ctx;
  return {
    async getOnlineEndpoint(endpointId) {
      const id = requireId(endpointId, ML_TYPES.onlineEndpoint);
      const res = await transport.send({ method: 'GET', url: armPath(id, ML_API_VERSION), operation: 'readOnlineEndpoints', resourceId: id });
      return asResource<OnlineEndpoint>(res.body, { operation: 'readOnlineEndpoints', resourceId: id, status: res.status });
    },

    async listOnlineEndpoints(workspaceId) {
      const id = requireId(workspaceId, ML_TYPES.workspace);
      return listAll<OnlineEndpoint>(transport, { url: armPath(`${id}/onlineEndpoints`, ML_API_VERSION), operation: 'readOnlineEndpoints', resourceId: id });
    },

    async beginCreateOnlineEndpoint(endpointId, body) {
      const id = requireId(endpointId, ML_TYPES.onlineEndpoint);
      return lro.begin<OnlineEndpoint>({ method: 'PUT', url: armPath(id, ML_API_VERSION), operation: 'writeOnlineEndpoint', resourceId: id, body });
    },

    async beginDeleteOnlineEndpoint(endpointId) {
      const id = requireId(endpointId, ML_TYPES.onlineEndpoint);
      return lro.begin({ method: 'DELETE', url: armPath(id, ML_API_VERSION), operation: 'deleteOnlineEndpoint', resourceId: id });
    },

    async getOnlineDeployment(deploymentId) {
      const id = requireId(deploymentId, ML_TYPES.onlineDeployment);
      const res = await transport.send({ method: 'GET', url: armPath(id, ML_API_VERSION), operation: 'readDeployments', resourceId: id });
      return asResource<OnlineDeployment>(res.body, { operation: 'readDeployments', resourceId: id, status: res.status });
    },

    async listOnlineDeployments(endpointId) {
      const id = requireId(endpointId, ML_TYPES.onlineEndpoint);
      return listAll<OnlineDeployment>(transport, { url: armPath(`${id}/deployments`, ML_API_VERSION), operation: 'readDeployments', resourceId: id });
    },

    async beginCreateOnlineDeployment(deploymentId, body) {
      const id = requireId(deploymentId, ML_TYPES.onlineDeployment);
      return lro.begin<OnlineDeployment>({ method: 'PUT', url: armPath(id, ML_API_VERSION), operation: 'writeDeployment', resourceId: id, body });
    },

    async beginDeleteOnlineDeployment(deploymentId) {
      const id = requireId(deploymentId, ML_TYPES.onlineDeployment);
      return lro.begin({ method: 'DELETE', url: armPath(id, ML_API_VERSION), operation: 'deleteDeployment', resourceId: id });
    },
  };
}
