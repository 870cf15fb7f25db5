/** One look at the managed network: mode, provisioning status, Spark, and (on request) each rule's status. */
import type { InvocationContext } from '@azure/functions';
import type { IsolationMode } from '../../arm/types';
import { getActivityDependencies } from './dependencies';

export interface ReadNetworkStatusInput {
  workspaceId: string;
  rules: boolean;
}

export interface RuleStatus {
  name: string;
  type: string;
  category?: string;
  status?: string;
  /** Private endpoint rules: the target resource id. */
  target?: string;
}

export interface NetworkStatus {
  isolationMode: IsolationMode;
  status: string;
  sparkReady: boolean;
  provisioningState?: string;
  rules: RuleStatus[];
}

export async function readNetworkStatus(input: ReadNetworkStatusInput, _context?: InvocationContext): Promise<NetworkStatus> {
  const { arm } = getActivityDependencies();
  const workspace = await arm.getWorkspace(input.workspaceId);
  const network = workspace.properties.managedNetwork;
  const out: NetworkStatus = {
    isolationMode: network?.isolationMode ?? 'Disabled',
    status: network?.status?.status ?? 'Inactive',
    sparkReady: network?.status?.sparkReady === true,
    rules: [],
  };
  if (workspace.properties.provisioningState !== undefined) out.provisioningState = workspace.properties.provisioningState;
  if (input.rules) {
    for (const resource of await arm.listOutboundRules(input.workspaceId)) {
      const rule = resource.properties;
      const entry: RuleStatus = { name: resource.name, type: rule.type };
      if (rule.category !== undefined) entry.category = rule.category;
      if (rule.status !== undefined) entry.status = rule.status;
      if (rule.type === 'PrivateEndpoint') entry.target = rule.destination.serviceResourceId;
      out.rules.push(entry);
    }
  }
  return out;
}
