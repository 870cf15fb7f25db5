/**
 * Dependency resources (storage, key vault, registry, app insights) and GET by id of the resource types the
 * client knows. The app holds no wildcard read (Reader's action): a GET of any other type is refused before a
 * request is sent.
 */
import type { ArmOperationName } from '../actions';
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

/**
 * getResource of a type the client has no read operation (and so no granted action) for. A usage error, refused
 * before any request: the app is not a Reader of the governed subscriptions, so such a GET would only earn a 403.
 * Carries the ApiVersionUnknown code (no api-version nor action is known for the type).
 */
export class UnsupportedResourceTypeError extends ArmClientUsageError {
  constructor(readonly resourceType: string) {
    super(
      USAGE_ERROR_CODES.apiVersionUnknown,
      `no api-version known for ${resourceType}: the ARM client reads only the types it declares an action for (src/arm/actions.ts), and the app holds no */read`,
    );
    this.name = 'UnsupportedResourceTypeError';
  }
}

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
      if (known === undefined && !isGroup) throw new UnsupportedResourceTypeError(parsed.resourceType ?? id);
      const version = apiVersion ?? known?.apiVersion ?? RESOURCES_API_VERSION;
      const operation: ArmOperationName = known?.read ?? 'readResourceGroup';
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
