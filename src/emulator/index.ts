/**
 * The local ARM emulator: an HTTPS stand-in for Azure Resource Manager (workspaces and their managed network,
 * computes, online endpoints, role assignments, Resource Graph, locks, providers, dependency resources) that
 * enforces the managed-network service rules and runs long-running operations on a clock the caller controls.
 * Production code never imports this.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createAdminHandler } from './admin';
import { VirtualClock, type EmulatorClock } from './clock';
import { FaultInjector } from './faults';
import { DEFAULT_DURATIONS, type LroDurations, type ResolvedSettings } from './options';
import { createListener } from './pipeline';
import { RequestRecorder, type RecordedRequest } from './recorder';
import { buildRouter } from './routes';
import { seedScenario } from './scenarios';
import { EmulatorState } from './state';
import { generateCertificate, writeCaCertificate } from './tls';

export interface EmulatorOptions {
  /** 'empty' (default) | 'demo' | 'scale:N' */
  scenario?: string;
  /** 0 = random (default). */
  port?: number;
  /** Default: new VirtualClock(). */
  clock?: EmulatorClock;
  /** PRNG seed for probabilistic faults and generated data (default 1). */
  seed?: number;
  /** ms; see LroDurations for the defaults. */
  durations?: Partial<LroDurations>;
  /** Retry-After on LRO responses (default 10). */
  retryAfterSeconds?: number;
  /** Where to write the CA pem (default: a temp dir). */
  certDir?: string;
  /** Items per page of ARM list operations before a nextLink (default 100). */
  pageSize?: number;
}

export interface RunningEmulator {
  /** https://127.0.0.1:PORT */
  url: string;
  caCertPem: string;
  caCertPath: string;
  clock: EmulatorClock;
  faults: FaultInjector;
  requests(): RecordedRequest[];
  clearRequests(): void;
  state: EmulatorState;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? new VirtualClock();
  const seed = options.seed ?? 1;
  const settings: ResolvedSettings = {
    durations: { ...DEFAULT_DURATIONS, ...definedOnly(options.durations ?? {}) },
    retryAfterSeconds: options.retryAfterSeconds ?? 10,
    pageSize: options.pageSize ?? 100,
  };
  for (const [k, v] of Object.entries(settings.durations)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`durations.${k} must be a non-negative number of ms`);
  }
  const state = new EmulatorState(clock, settings, seed);
  seedScenario(state, options.scenario ?? 'empty');
  const faults = new FaultInjector(seed);
  const recorder = new RequestRecorder();
  const cert = generateCertificate(new Date());
  const caCertPath = writeCaCertificate(cert.certPem, options.certDir);
  let url = '';
  const server: Server = createServer(
    { key: cert.keyPem, cert: cert.certPem },
    createListener({
      state,
      faults,
      recorder,
      router: buildRouter(),
      settings,
      baseUrl: () => url,
      admin: createAdminHandler({ state, faults, recorder, clock }),
    }),
  );
  // Node clients drop an idle socket 1 s before the server's keep-alive hint; a short timeout would defeat
  // connection reuse and make every request a new TLS handshake. close() ends idle sockets itself.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    caCertPem: cert.certPem,
    caCertPath,
    clock,
    faults,
    requests: () => recorder.list(),
    clearRequests: () => recorder.clear(),
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          // A temp dir we made for the CA is ours to remove; a caller's certDir is not.
          if (options.certDir === undefined) rmSync(dirname(caCertPath), { recursive: true, force: true });
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { VirtualClock, ScaledClock, DEFAULT_VIRTUAL_START } from './clock';
export type { EmulatorClock, AdvanceableClock } from './clock';
export { FaultInjector } from './faults';
export type { Fault, FaultSpec, ActiveFault } from './faults';
export type { RecordedRequest } from './recorder';
export { EmulatorState, DEFAULT_TENANT_ID } from './state';
export { DEFAULT_DURATIONS } from './options';
export type { LroDurations } from './options';
export type { OperationRecord } from './lro';
