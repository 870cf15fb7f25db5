/**
 * The demo's world: the emulator (`demo` scenario) on a VirtualClock, the product's local runtime over the same
 * clock (ARM client, activities, LocalDurableHost with the registry's orchestrations), and the trigger handlers'
 * services wired to that host: the same wiring the Functions app uses, with the local gateway instead of Durable.
 */
import { InvocationContext } from '@azure/functions';
import { StaticTokenCredential } from '../arm/credentials';
import { createLocalRuntime, type LocalRuntime } from '../cli/runtime/local-runtime';
import { virtualTimeDriver } from '../cli/runtime/time-driver';
import { startEmulator, VirtualClock, type RunningEmulator } from '../emulator';
import { functionKeyApproverAuth } from '../http/approver-auth';
import { useAppServices, type AppServices } from '../service/app-services';
import { LocalHostGateway } from '../service/local-host-gateway';
import { FilePolicyResolver } from '../service/policy-resolver';
import { filePolicySources } from '../service/policy-sources';
import { InMemoryTicketIndex } from '../service/ticket-index';
import { armWorkspacePlanning } from '../service/workspace-planning';

/** The subscriptions the demo app is configured for (MNET_SUBSCRIPTIONS): both of the scenario's. */
export const DEMO_APP_SUBSCRIPTIONS = ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'];

export interface DemoEnvironment {
  emulator: RunningEmulator;
  clock: VirtualClock;
  rt: LocalRuntime;
  services: AppServices;
  /** A fresh invocation context per trigger call; its structured log lines go to `logs`. */
  invocation(functionName: string): InvocationContext;
  logs: string[];
  nowIso(): string;
  close(): Promise<void>;
}

export async function startDemoEnvironment(options: { policyPath: string; policyDir: string }): Promise<DemoEnvironment> {
  const clock = new VirtualClock();
  const emulator = await startEmulator({ scenario: 'demo', clock });
  const credential = new StaticTokenCredential();
  const target = { kind: 'emulator' as const, endpoint: emulator.url, caCertPem: emulator.caCertPem, credential: () => credential };
  let rt: LocalRuntime;
  try {
    rt = await createLocalRuntime(target, { time: virtualTimeDriver(clock) });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const gateway = new LocalHostGateway(rt.host);
  const now = (): Date => new Date(clock.now());
  const services: AppServices = {
    config: { subscriptions: DEMO_APP_SUBSCRIPTIONS, maxBodyBytes: 262144 },
    gatewayFor: () => gateway,
    tickets: new InMemoryTicketIndex(),
    policies: new FilePolicyResolver(filePolicySources(options.policyPath, options.policyDir)),
    planning: armWorkspacePlanning({ subscriptions: DEMO_APP_SUBSCRIPTIONS, now }),
    driftReports: { latest: () => rt.reports.latestDriftReport() },
    approverAuth: functionKeyApproverAuth(),
    now,
  };
  useAppServices(services);
  const logs: string[] = [];
  let invocations = 0;
  return {
    emulator,
    clock,
    rt,
    services,
    logs,
    invocation(functionName) {
      invocations += 1;
      return new InvocationContext({
        invocationId: `demo-${String(invocations).padStart(4, '0')}`,
        functionName,
        logHandler: (_level, ...args) => void logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
      });
    },
    nowIso: () => now().toISOString(),
    async close() {
      rt.close();
      await emulator.close();
    },
  };
}
