/** The drift scan as the app runs it: the timer function starts driftScan, GET /drift serves the saved report. */
import type { Timer } from '@azure/functions';
import type { DriftReport } from '../../drift/report';
import { driftTimer } from '../../functions/drift-timer';
import { getDrift } from '../../functions/http-drift';
import type { ScanView } from '../../report/model';
import type { DemoEnvironment } from '../environment';
import { callHttp, describeProblem } from '../http';
import { settle } from '../requests';

export interface ScanResult {
  report: DriftReport;
  view: ScanView;
}

function tick(nowIso: string): Timer {
  return { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: nowIso, next: nowIso, lastUpdated: nowIso } };
}

export async function runScan(env: DemoEnvironment): Promise<ScanResult> {
  const start = await driftTimer(tick(env.nowIso()), env.invocation('driftTimer'));
  if (!start.started) throw new Error(`the previous drift scan ${start.instanceId} is still ${start.runningStatus ?? 'running'}`);
  await settle(env, start.instanceId);
  const status = await env.rt.host.getStatus(start.instanceId);
  if (status?.runtimeStatus !== 'Completed') throw new Error(`drift scan ${start.instanceId} ended ${status?.runtimeStatus ?? 'missing'}: ${status?.failure?.message ?? ''}`);
  const res = await callHttp(getDrift, env.invocation('httpDrift'), 'GET', '/drift');
  if (res.status !== 200) throw new Error(describeProblem('GET /drift', res));
  if (res.body['instanceId'] !== start.instanceId) throw new Error('GET /drift did not return the scan that just finished');
  const report = res.body['report'] as DriftReport;
  return {
    report,
    view: {
      instanceId: start.instanceId,
      at: report.generatedAt,
      scanned: report.scanned,
      inScope: report.inScope,
      compliant: report.compliant,
      drifted: report.drifted.length,
      refused: report.refused.length,
      skipped: report.skipped.length,
    },
  };
}

export function scanSummary(view: ScanView): string {
  return `${view.scanned} scanned, ${view.inScope} in scope: ${view.compliant} compliant, ${view.drifted} drifted, ${view.refused} refused, ${view.skipped} skipped`;
}
