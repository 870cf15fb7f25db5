/**
 * The drift scan: the timer starts it as a singleton (one instance id per policy) and never overlaps a scan
 * still pending or running; GET /drift shows the latest report.
 */
import { appPolicy } from './plan-service';
import { ORCHESTRATORS, type DriftScanInput } from '../durable/contracts';
import { driftScanInstanceId } from '../durable/instance-ids';
import type { ServiceContext } from './service-context';
import { ServiceError } from './service-error';

export interface DriftScanStart {
  instanceId: string;
  started: boolean;
  /** Set when skipped: the status of the scan still in progress. */
  runningStatus?: string;
}

export async function startDriftScan(ctx: ServiceContext, options: { pastDue?: boolean } = {}): Promise<DriftScanStart> {
  const policy = await appPolicy(ctx);
  const instanceId = driftScanInstanceId(policy.name);
  const log = ctx.log.with({ instanceId, policy: policy.name });
  const input: DriftScanInput = {
    policy,
    subscriptions: [...ctx.config.subscriptions],
    request: { trigger: 'timer' },
  };
  const result = await ctx.gateway.startOrGet(ORCHESTRATORS.driftScan, instanceId, input);
  if (!result.started) {
    const runningStatus = result.existing?.runtimeStatus ?? 'Running';
    log.warn('drift.skipped', { reason: 'previous scan still in progress', runtimeStatus: runningStatus, since: result.existing?.createdTime });
    return { instanceId, started: false, runningStatus };
  }
  log.info('drift.started', { subscriptions: input.subscriptions.length, pastDue: options.pastDue ?? false });
  return { instanceId, started: true };
}

export async function latestDriftReport(ctx: ServiceContext): Promise<unknown> {
  const report = await ctx.driftReports.latest();
  if (report === undefined || report === null) {
    throw new ServiceError('not-found', 'No drift report yet', 'No drift scan has finished yet; the timer runs on MNET_DRIFT_SCHEDULE.');
  }
  return report;
}
