/** Compares resources before and after a migration, ignoring what the service computes. */
import { computeRecreateBody, onlineDeploymentRecreateBody, onlineEndpointRecreateBody } from '../../src/arm/recreate';
import type { ComputeResource, OnlineDeployment, OnlineEndpoint } from '../../src/arm/types';

/** The writable definition of a compute, without the subnet (dropped inside a managed network). */
export function computeDefinition(c: ComputeResource): unknown {
  return computeRecreateBody(c, { insideManagedNetwork: true });
}

export function endpointDefinition(e: OnlineEndpoint): unknown {
  const plan = onlineEndpointRecreateBody(e);
  return { ...plan.body, traffic: plan.traffic };
}

export function deploymentDefinition(d: OnlineDeployment): unknown {
  return onlineDeploymentRecreateBody(d);
}

export function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.name, i]));
}
