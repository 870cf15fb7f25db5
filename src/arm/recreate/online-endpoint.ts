/**
 * PUT bodies that recreate a managed online endpoint and its deployments. Traffic refers to deployments, which
 * do not exist yet when the endpoint is recreated: the endpoint body goes without traffic (and mirrorTraffic),
 * and both maps come back separately to be applied with `withTraffic` once every deployment is back.
 */
import type { OnlineDeployment, OnlineEndpoint } from '../types';
import { writableIdentity } from './identity';
import { ONLINE_DEPLOYMENT_READ_ONLY, ONLINE_ENDPOINT_READ_ONLY, omitKeys } from './read-only-fields';
import type { OnlineDeploymentCreateBody, OnlineEndpointCreateBody } from './types';

export interface OnlineEndpointRecreatePlan {
  /** PUT this first: no traffic, authMode and everything else as the user had it. */
  body: OnlineEndpointCreateBody;
  /** Then, after the deployments: PUT `withTraffic(body, traffic, mirrorTraffic)`. */
  traffic: Record<string, number>;
  mirrorTraffic: Record<string, number>;
}

export function onlineEndpointRecreateBody(endpoint: OnlineEndpoint): OnlineEndpointRecreatePlan {
  const source = structuredClone(endpoint);
  const properties = omitKeys(source.properties, [...ONLINE_ENDPOINT_READ_ONLY, 'traffic', 'mirrorTraffic']) as OnlineEndpointCreateBody['properties'];
  const body: OnlineEndpointCreateBody = { location: source.location, properties };
  if (source.kind !== undefined) body.kind = source.kind;
  if (source.tags !== undefined) body.tags = source.tags;
  if (source.identity !== undefined) body.identity = writableIdentity(source.identity);
  if (source['sku'] !== undefined && typeof source['sku'] === 'object' && source['sku'] !== null) body.sku = source['sku'] as Record<string, unknown>;
  return { body, traffic: source.properties.traffic ?? {}, mirrorTraffic: source.properties.mirrorTraffic ?? {} };
}

/** The endpoint body with traffic applied (the service takes traffic through PUT, not PATCH). */
export function withTraffic(
  body: OnlineEndpointCreateBody,
  traffic: Record<string, number>,
  mirrorTraffic: Record<string, number> = {},
): OnlineEndpointCreateBody {
  const properties = { ...body.properties, traffic: { ...traffic } };
  if (Object.keys(mirrorTraffic).length > 0) properties.mirrorTraffic = { ...mirrorTraffic };
  return { ...structuredClone(body), properties };
}

export function onlineDeploymentRecreateBody(deployment: OnlineDeployment): OnlineDeploymentCreateBody {
  const source = structuredClone(deployment);
  const properties = omitKeys(source.properties, ONLINE_DEPLOYMENT_READ_ONLY) as OnlineDeploymentCreateBody['properties'];
  const body: OnlineDeploymentCreateBody = { location: source.location, properties };
  if (source.kind !== undefined) body.kind = source.kind;
  if (source.tags !== undefined) body.tags = source.tags;
  if (source.sku !== undefined) body.sku = source.sku;
  return body;
}
