/** Workspaces, their outbound rules and managed-network provisioning. */
import { ML_API_VERSION } from '../api-versions';
import type { OutboundRule, OutboundRuleResource, Workspace } from '../types';
import type { ArmClient } from './arm-client';
import type { ClientContext } from './context';
import { ArmError, CLIENT_ERROR_CODES, isRecord, notFoundAsUndefined } from './errors';
import type { ManagedNetworkProvisionResult } from './types';
import { asResource, listAll } from './paging';
import { armPath, childId, ML_TYPES, requireId, requireSubscription } from './urls';
import { patchWorkspaceNetwork } from './workspace-patch';

type WorkspaceOperations = Pick<
  ArmClient,
  | 'getWorkspace'
  | 'listWorkspaces'
  | 'listWorkspacesInResourceGroup'
  | 'patchWorkspaceNetwork'
  | 'beginCreateWorkspace'
  | 'createWorkspaceAndWait'
  | 'listOutboundRules'
  | 'getOutboundRule'
  | 'putOutboundRule'
  | 'deleteOutboundRule'
  | 'beginProvisionManagedNetwork'
  | 'provisionManagedNetworkAndWait'
>;

export function workspaceOperations(ctx: ClientContext): WorkspaceOperations {
  const { transport, lro } = ctx;

  async function getWorkspace(workspaceId: string): Promise<Workspace> {
    const id = requireId(workspaceId, ML_TYPES.workspace);
    const res = await transport.send({ method: 'GET', url: armPath(id, ML_API_VERSION), operation: 'readWorkspace', resourceId: id });
    return asResource<Workspace>(res.body, { operation: 'readWorkspace', resourceId: id, status: res.status });
  }

  async function getOutboundRule(workspaceId: string, ruleName: string): Promise<OutboundRuleResource> {
    const id = childId(requireId(workspaceId, ML_TYPES.workspace), 'outboundRules', ruleName);
    const res = await transport.send({ method: 'GET', url: armPath(id, ML_API_VERSION), operation: 'readOutboundRules', resourceId: id });
    return asResource<OutboundRuleResource>(res.body, { operation: 'readOutboundRules', resourceId: id, status: res.status });
  }

  async function listOutboundRules(workspaceId: string): Promise<OutboundRuleResource[]> {
    const id = requireId(workspaceId, ML_TYPES.workspace);
    return listAll<OutboundRuleResource>(transport, {
      url: armPath(`${id}/outboundRules`, ML_API_VERSION),
      operation: 'readOutboundRules',
      resourceId: id,
    });
  }

  function alreadyExists(id: string, cause?: ArmError): ArmError {
    return new ArmError(
      {
        status: 409,
        code: CLIENT_ERROR_CODES.alreadyExists,
        message: 'the workspace already exists; only its network settings may be changed (PATCH)',
        operation: 'writeWorkspace',
        resourceId: id,
        method: 'PUT',
        ...(cause?.requestId !== undefined ? { requestId: cause.requestId } : {}),
      },
      cause !== undefined ? { cause } : undefined,
    );
  }

  async function beginCreateWorkspace(workspaceId: string, body: Parameters<ArmClient['beginCreateWorkspace']>[1]) {
    const id = requireId(workspaceId, ML_TYPES.workspace);
    // PUT replaces a whole workspace; this path is for new ones only, so an existing workspace is refused.
    // The GET answers early without a write; `If-None-Match: *` closes the race with a creation in between
    // (the service answers 412, reported as the same ResourceAlreadyExists).
    if ((await notFoundAsUndefined(getWorkspace(id))) !== undefined) throw alreadyExists(id);
    try {
      return await lro.begin<Workspace>({
        method: 'PUT',
        url: armPath(id, ML_API_VERSION),
        operation: 'writeWorkspace',
        resourceId: id,
        body,
        headers: { 'if-none-match': '*' },
      });
    } catch (error) {
      if (error instanceof ArmError && error.isPreconditionFailed) throw alreadyExists(id, error);
      throw error;
    }
  }

  async function beginProvisionManagedNetwork(workspaceId: string, options?: { includeSpark?: boolean }) {
    const id = requireId(workspaceId, ML_TYPES.workspace);
    return lro.begin<ManagedNetworkProvisionResult>({
      method: 'POST',
      url: armPath(`${id}/provisionManagedNetwork`, ML_API_VERSION),
      operation: 'provisionManagedNetwork',
      resourceId: id,
      body: { includeSpark: options?.includeSpark ?? false },
    });
  }

  return {
    getWorkspace,

    async listWorkspaces(subscriptionId) {
      const sub = requireSubscription(subscriptionId);
      const scope = `/subscriptions/${sub}`;
      return listAll<Workspace>(transport, {
        url: armPath(`${scope}/providers/Microsoft.MachineLearningServices/workspaces`, ML_API_VERSION),
        operation: 'readWorkspace',
        resourceId: scope,
      });
    },

    async listWorkspacesInResourceGroup(subscriptionId, resourceGroup) {
      const scope = requireId(`/subscriptions/${requireSubscription(subscriptionId)}/resourceGroups/${resourceGroup}`);
      return listAll<Workspace>(transport, {
        url: armPath(`${scope}/providers/Microsoft.MachineLearningServices/workspaces`, ML_API_VERSION),
        operation: 'readWorkspace',
        resourceId: scope,
      });
    },

    async patchWorkspaceNetwork(workspaceId, patch, options) {
      const id = requireId(workspaceId, ML_TYPES.workspace);
      return patchWorkspaceNetwork({ lro, getWorkspace, listOutboundRules }, id, patch, options);
    },

    beginCreateWorkspace,

    async createWorkspaceAndWait(workspaceId, body, options) {
      const handle = await beginCreateWorkspace(workspaceId, body);
      await lro.wait(handle, options);
      return getWorkspace(handle.resourceId);
    },

    listOutboundRules,

    getOutboundRule,

    async putOutboundRule(workspaceId, ruleName, rule: OutboundRule, options) {
      const wsId = requireId(workspaceId, ML_TYPES.workspace);
      const id = childId(wsId, 'outboundRules', ruleName);
      return ctx.ruleWrites.run(wsId.toLowerCase(), async () => {
        const handle = await lro.begin<OutboundRuleResource>({
          method: 'PUT',
          url: armPath(id, ML_API_VERSION),
          operation: 'writeOutboundRule',
          resourceId: id,
          body: { properties: rule },
        });
        // Waiting inside the lock: the next rule write must not start while this one is still running.
        const final = await lro.wait(handle, options);
        return isRecord(final) && isRecord(final['properties']) ? (final as unknown as OutboundRuleResource) : getOutboundRule(wsId, ruleName);
      });
    },

    async deleteOutboundRule(workspaceId, ruleName, options) {
      const wsId = requireId(workspaceId, ML_TYPES.workspace);
      const id = childId(wsId, 'outboundRules', ruleName);
      await ctx.ruleWrites.run(wsId.toLowerCase(), async () => {
        const handle = await lro.begin({ method: 'DELETE', url: armPath(id, ML_API_VERSION), operation: 'deleteOutboundRule', resourceId: id });
        await lro.wait(handle, options);
      });
    },

    beginProvisionManagedNetwork,

    async provisionManagedNetworkAndWait(workspaceId, options) {
      const handle = await beginProvisionManagedNetwork(workspaceId, options);
      const final = await lro.wait(handle, options);
      if (isRecord(final) && typeof final['status'] === 'string') return final as ManagedNetworkProvisionResult;
      // No final body: the workspace carries the same status.
      return (await getWorkspace(handle.resourceId)).properties.managedNetwork?.status ?? {};
    },
  };
}
