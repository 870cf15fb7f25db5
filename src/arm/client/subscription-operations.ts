/** Subscription-level prerequisites and resource groups: provider registration, scope locks, resource groups. */
import { REQUIRED_RESOURCE_PROVIDER } from '../../catalog/prerequisites';
import { LOCKS_API_VERSION, PROVIDERS_API_VERSION, RESOURCES_API_VERSION } from '../api-versions';
import type { ManagementLock } from '../types';
import type { ArmClient } from './arm-client';
import type { ClientContext } from './context';
import { ArmError, CLIENT_ERROR_CODES, isRecord, notFoundAsUndefined } from './errors';
import { asResource, listAll } from './paging';
import type { ResourceGroup } from './types';
import { armPath, requireId, requireSubscription } from './urls';

type SubscriptionOperations = Pick<ArmClient, 'getProviderRegistrationState' | 'listLocks' | 'createResourceGroup' | 'getResourceGroup'>;

function resourceGroupId(subscriptionId: string, name: string): string {
  return requireId(`/subscriptions/${requireSubscription(subscriptionId)}/resourceGroups/${name}`);
}

export function subscriptionOperations(ctx: ClientContext): SubscriptionOperations {
  const { transport } = ctx;
  const getResourceGroup: SubscriptionOperations['getResourceGroup'] = async (subscriptionId, name) => {
    const id = resourceGroupId(subscriptionId, name);
    const res = await transport.send({ method: 'GET', url: armPath(id, RESOURCES_API_VERSION), operation: 'readResourceGroup', resourceId: id });
    return asResource<ResourceGroup>(res.body, { operation: 'readResourceGroup', resourceId: id, status: res.status });
  };
  return {
    async getProviderRegistrationState(subscriptionId, providerNamespace = REQUIRED_RESOURCE_PROVIDER) {
      const id = `/subscriptions/${requireSubscription(subscriptionId)}/providers/${encodeURIComponent(providerNamespace)}`;
      const res = await transport.send({ method: 'GET', url: armPath(id, PROVIDERS_API_VERSION), operation: 'readProviders', resourceId: id });
      const state = isRecord(res.body) ? res.body['registrationState'] : undefined;
      if (typeof state !== 'string') {
        throw new ArmError({
          status: res.status,
          code: CLIENT_ERROR_CODES.invalidResponse,
          message: 'provider answer has no registrationState',
          operation: 'readProviders',
          resourceId: id,
          method: 'GET',
          requestId: res.requestId,
        });
      }
      return state;
    },

    async listLocks(scopeId) {
      const scope = requireId(scopeId);
      return listAll<ManagementLock>(transport, {
        url: armPath(`${scope}/providers/Microsoft.Authorization/locks`, LOCKS_API_VERSION),
        operation: 'readLocks',
        resourceId: scope,
      });
    },

    async createResourceGroup(subscriptionId, name, body) {
      const id = resourceGroupId(subscriptionId, name);
      // Read before write: an existing group is returned as it is (a PUT would replace its tags).
      const existing = await notFoundAsUndefined(getResourceGroup(subscriptionId, name));
      if (existing !== undefined) return existing;
      const res = await transport.send({
        method: 'PUT',
        url: armPath(id, RESOURCES_API_VERSION),
        operation: 'writeResourceGroup',
        resourceId: id,
        body: { location: body.location, ...(body.tags !== undefined ? { tags: body.tags } : {}) },
      });
      return asResource<ResourceGroup>(res.body, { operation: 'writeResourceGroup', resourceId: id, status: res.status });
    },

    getResourceGroup,
  };
}
