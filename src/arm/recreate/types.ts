/**
 * PUT bodies that create (or recreate) a resource: the writable part of what a GET returns.
 * Spelled out rather than `Omit<...>` because the ARM types carry index signatures, which Omit would flatten.
 */
import type { ComputeProperties, ManagedServiceIdentity, OnlineDeployment, OnlineEndpoint } from '../types';

export interface ComputeCreateBody {
  location?: string;
  tags?: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku?: Record<string, unknown>;
  properties: ComputeProperties;
}

export interface OnlineEndpointCreateBody {
  location: string;
  kind?: string;
  tags?: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku?: Record<string, unknown>;
  properties: OnlineEndpoint['properties'];
}

export interface OnlineDeploymentCreateBody {
  location: string;
  kind?: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  properties: OnlineDeployment['properties'];
}
