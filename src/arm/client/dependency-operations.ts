/** Dependency resources (storage, key vault, registry, app insights) and GET of any resource by id. */
import { RESOURCES_API_VERSION } from '../api-versions';
import { parseResourceId } from '../resource-id';
import type { ArmClient } from './arm-client';
import type { ClientContext } from './context';
import { DEPENDENCY_TYPES, knownReadOf } from './dependency-api-versions';
import { isRecord } from './errors';
import { asResource } from './paging';
import { ArmClientUsageError, USAGE_ERROR_CODES } from './usage-error';
import type { GenericResource } from './types';
import { armPath, requireId } from './urls';

type DependencyOperations = Pick<ArmClient, 'getResource' | 'getDependency' | 'putDependency'>;

export function dependencyOperations(ctx: ClientContext): DependencyOperations {
  const { transport, lro } = ctx;

  async function getDependency(kind: Parameters<ArmClient['getDependency']>[0], resourceId: string): Promise<GenericResource> {
    const dep = DEPENDENCY_TYPES[kind];
    const id = requireId(resourceId, dep.type);
    const res = await transport.send({ method: 'GET', url: armPath(id, dep.apiVersion), operation: dep.read, resourceId: id });
    return asResource<GenericResource>(res.body, { operation: dep.read, resourceId: id, status: res.status });
  }

  return {
    async getResource(resourceId, apiVersion) {
      const id = requireId(resourceId);
      const parsed = parseResourceId(id);
      const known = knownReadOf(parsed.resourceType);
      // A bare resource group id has no provider type.
      const isGroup = parsed.resourceType === undefined && parsed.resourceGroup !== undefined;
      const version = apiVersion ?? known?.apiVersion ?? (isGroup ? RESOURCES_API_VERSION : undefined);
      if (version === undefined) {
        throw new ArmClientUsageError(USAGE_ERROR_CODES.apiVersionUnknown, `no api-version known for ${parsed.resourceType ?? id}: pass one`);
      }
      const operation = known?.read ?? (isGroup ? 'readResourceGroup' : 'readAnyResource');
      const res = await transport.send({ method: 'GET', url: armPath(id, version), operation, resourceId: id });
      return asResource<GenericResource>(res.body, { operation, resourceId: id, status: res.status });
    },

    getDependency,

    async putDependency(kind, resourceId, body, options) {
      const dep = DEPENDENCY_TYPES[kind];
      const id = requireId(resourceId, dep.type);
      const handle = await lro.begin<GenericResource>({ method: 'PUT', url: armPath(id, dep.apiVersion), operation: dep.write, resourceId: id, body });
      const final = await lro.wait(handle, options);
      return isRecord(final) && typeof final['id'] === 'string' ? final : getDependency(kind, id);
    },
  };
}
