/** Online endpoints and deployments as GET returns them. */
import type { OnlineDeployment, OnlineEndpoint } from '../../arm/types';
import { clone } from '../http-types';
import type { DeploymentRecord, EndpointRecord } from '../model/records';

export const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';
export const DEPLOYMENT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments';

export function endpointView(e: EndpointRecord): OnlineEndpoint {
  const p = clone(e.properties);
  const view: OnlineEndpoint = {
    id: e.id,
    name: e.name,
    type: ENDPOINT_TYPE,
    location: e.location,
    tags: { ...e.tags },
    properties: {
      authMode: 'Key',
      publicNetworkAccess: 'Enabled',
      traffic: {},
      ...p,
      provisioningState: e.provisioningState,
      scoringUri: `https://${e.name}.${e.location}.inference.ml.azure.com/score`,
      swaggerUri: `https://${e.name}.${e.location}.inference.ml.azure.com/swagger.json`,
    },
  };
  if (e.kind !== undefined) view.kind = e.kind;
  if (e.identity !== undefined) view.identity = clone(e.identity);
  return view;
}

export function deploymentView(d: DeploymentRecord): OnlineDeployment {
  const view: OnlineDeployment = {
    id: d.id,
    name: d.name,
    type: DEPLOYMENT_TYPE,
    location: d.location,
    tags: { ...d.tags },
    properties: { endpointComputeType: 'Managed', ...clone(d.properties), provisioningState: d.provisioningState },
  };
  if (d.kind !== undefined) view.kind = d.kind;
  if (d.sku !== undefined) view.sku = clone(d.sku);
  return view;
}
