/** Timer: start the drift scan on MNET_DRIFT_SCHEDULE unless the previous one is still pending or running. */
import type { InvocationContext, Timer } from '@azure/functions';
import { appServices, serviceContext } from '../service/app-services';
import { startDriftScan, type DriftScanStart } from '../service/drift-service';
import { errorSummary, structuredLogger } from '../service/structured-log';

export async function driftTimer(timer: Timer, context: InvocationContext): Promise<DriftScanStart> {
  try {
    const ctx = serviceContext(await appServices(), context, { trigger: 'timer' });
    return await startDriftScan(ctx, { pastDue: timer?.isPastDue === true });
  } catch (error) {
    structuredLogger(context, { invocationId: context.invocationId, functionName: context.functionName }).error('drift.failed', {
      error: errorSummary(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    throw error;
  }
}
