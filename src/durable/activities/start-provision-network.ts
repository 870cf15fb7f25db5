/** Starts manual provisioning of the managed network; the orchestrator polls the workspace on timers. */
import type { InvocationContext } from '@azure/functions';
import type { LroHandle } from '../../arm/client/lro-types';
import { getActivityDependencies, logWrite } from './dependencies';

export interface StartProvisionNetworkInput {
  workspaceId: string;
  includeSpark: boolean;
}

export interface StartProvisionNetworkOutput {
  handle: LroHandle;
}

export async function startProvisionNetwork(input: StartProvisionNetworkInput, _context?: InvocationContext): Promise<StartProvisionNetworkOutput> {
  const { arm } = getActivityDependencies();
  const handle = await arm.beginProvisionManagedNetwork(input.workspaceId, { includeSpark: input.includeSpark });
  logWrite(`managed network provisioning requested${input.includeSpark ? ' (with Spark)' : ''}`, { workspaceId: input.workspaceId });
  return { handle };
}
