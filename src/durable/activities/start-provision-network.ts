/** Starts manual provisioning of the managed network; the orchestrator polls the workspace on timers. */
import type { InvocationContext } from '@azure/functions';
import type { LroHandle } from '../../arm/client/lro-types';
import { getActivityDependencies } from './dependencies';

export interface StartProvisionNetworkInput {
  workspaceId: string;
  includeSpark: boolean;
}

export interface StartProvisionNetworkOutput {
  handle: LroHandle;
}

export async function startProvisionNetwork(input: StartProvisionNetworkInput, _context?: InvocationContext): Promise<StartProvisionNetworkOutput> {
  const { arm } = getActivityDependencies();
  return { handle: await arm.beginProvisionManagedNetwork(input.workspaceId, { includeSpark: input.includeSpark }) };
}
