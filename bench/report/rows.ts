/** The summary table: one row per measured number, its target, and whether it was met. */
import { mb, round } from '../lib/stats';
import type { BenchResults } from './results';

export interface Row {
  area: string;
  metric: string;
  value: string;
  target: string;
  /** true met, false missed, undefined: informational. */
  met?: boolean;
}

const s = (ms: number): string => `${round(ms / 1000, 2)} s`;
const min = (ms: number): string => `${round(ms / 60_000, 1)} min`;
const x = (ratio: number): string => `${round(ratio, 2)}x`;

export function summaryRows(r: BenchResults): Row[] {
  const { graph, naive } = r.drift;
  const m = r.migration;
  const pathRatio = m.orchestrated.emulatedMs / m.criticalPathMs;
  const rows: Row[] = [
    { area: 'drift', metric: `Resource Graph scan of ${graph.workspaces} workspaces: ARM requests`, value: String(graph.armRequests), target: '<= 12', met: graph.armRequests <= 12 },
    { area: 'drift', metric: 'evaluation CPU (evaluateDrift)', value: `${round(graph.evaluationCpuMs, 0)} ms`, target: '< 1000 ms', met: graph.evaluationCpuMs < 1000 },
    { area: 'drift', metric: 'peak RSS of the scanning process', value: `${round(graph.peakRssMb, 0)} MB`, target: '< 250 MB', met: graph.peakRssMb < 250 },
    { area: 'drift', metric: `wall time (query + evaluation; client at ${graph.requestsPerSecond} requests/s)`, value: s(graph.wallMs), target: '' },
    {
      area: 'drift',
      metric: `naive (list + GET each, ${graph.requestsPerSecond === naive.requestsPerSecond ? 'same client' : 'request ceiling off'}): ARM requests / wall / peak RSS`,
      value: `${naive.armRequests} / ${s(naive.wallMs)} / ${round(naive.peakRssMb, 0)} MB`,
      target: '',
    },
    { area: 'drift', metric: 'naive / graph: requests, time', value: `${x(naive.armRequests / graph.armRequests)}, ${x(naive.wallMs / graph.wallMs)}`, target: '' },
    { area: 'migration', metric: `${m.resources} computes: critical path (delete + provisioning + create)`, value: min(m.criticalPathMs), target: '' },
    { area: 'migration', metric: 'migrateComputes orchestration, emulated time', value: `${min(m.orchestrated.emulatedMs)} (${x(pathRatio)} of critical path)`, target: '<= 1.1x', met: pathRatio <= 1.1 },
    { area: 'migration', metric: 'sequential az-style script, emulated time', value: min(m.sequential.emulatedMs), target: '' },
    { area: 'migration', metric: 'speed-up over the sequential script', value: x(m.sequential.emulatedMs / m.orchestrated.emulatedMs), target: '' },
    { area: 'migration', metric: 'ARM requests: orchestration / script', value: `${m.orchestrated.armRequests} / ${m.sequential.armRequests}`, target: '' },
    {
      area: 'migration',
      metric: `most requests in one emulated second, per subscription (client: ${m.requestsPerSecond} requests/s, ${m.writesPerSecond} writes/s; virtual clock, indicative)`,
      value: String(m.orchestrated.maxRequestsPerVirtualSecond),
      target: '',
    },
  ];
  for (const e of r.etiquette) {
    const client = `client ${e.writesPerSecond} writes/s + ${e.requestsPerSecond} requests/s`;
    rows.push({
      area: 'etiquette',
      metric: `${client}: most requests (all: reads, writes, retries) arriving in any 1 s, per subscription`,
      value: String(e.maxRequestsPerSecond),
      target: `<= ${e.budgetPerSecond}`,
      met: e.maxRequestsPerSecond <= e.budgetPerSecond,
    });
    rows.push({
      area: 'etiquette',
      metric: `${client}: most writes arriving in any 1 s, per subscription`,
      value: String(e.maxWritesPerSecond),
      target: `<= ${e.budgetPerSecond}`,
      met: e.maxWritesPerSecond <= e.budgetPerSecond,
    });
    const injected = e.injected.throttled429 + e.injected.unavailable503 + e.injected.resets;
    rows.push({
      area: 'etiquette',
      metric: `${client}: faults injected (429/503/reset) -> retries (bound)`,
      value: `${e.injected.throttled429}/${e.injected.unavailable503}/${e.injected.resets} -> ${e.retries} (${e.retryBound}), ${e.failedCalls} failed`,
      target: 'retries = faults',
      met: e.retries === injected && e.retries <= e.retryBound && e.failedCalls === 0,
    });
  }
  const c = r.coldStart;
  rows.push(
    { area: 'cold start', metric: `require('./dist/app.js'), median of ${c.runs}`, value: `${round(c.requireMedianMs, 0)} ms`, target: '< 300 ms', met: c.requireMedianMs < 300 },
    { area: 'cold start', metric: 'of which durable-functions alone (median)', value: `${round(c.durableFunctionsMedianMs, 0)} ms`, target: '' },
    { area: 'cold start', metric: 'whole process (spawn to exit) / empty node', value: `${round(c.processMedianMs, 0)} ms / ${round(c.emptyProcessMedianMs, 0)} ms`, target: '' },
    { area: 'cold start', metric: 'production dependencies', value: `${r.dependencies.packages} packages, ${mb(r.dependencies.bytes)} MB`, target: '' },
    { area: 'orchestration', metric: `history events, migration of ${m.resources} (all instances)`, value: String(m.history.totalHistoryEvents), target: '' },
    { area: 'orchestration', metric: `largest history (${m.history.largest.name})`, value: `${m.history.largest.historyEvents} events`, target: '' },
    { area: 'orchestration', metric: 'one full replay of the largest history', value: `${round(m.history.fullReplayMs, 1)} ms`, target: '' },
    { area: 'orchestration', metric: 'replays during the run / time in replay', value: `${m.history.replays} / ${round(m.history.cumulativeReplayMs, 0)} ms`, target: '' },
  );
  return rows;
}

export function status(row: Row): string {
  return row.met === undefined ? '' : row.met ? 'met' : 'MISSED';
}
