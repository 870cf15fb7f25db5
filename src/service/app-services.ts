/**
 * The dependencies the trigger handlers run with. app.ts installs a lazy factory (composition.ts builds the
 * Azure wiring on the first invocation, keeping module load fast); tests install fakes or the local host.
 */
import type { InvocationContext } from '@azure/functions';
import type { ApproverAuthenticator } from '../http/approver-auth';
import type { AppConfig } from './app-config';
import type { OrchestrationGateway } from './orchestration-gateway';
import type { DriftReportSource, PolicyResolver, WorkspacePlanning } from './ports';
import type { ServiceContext } from './service-context';
import { structuredLogger, type LogFields } from './structured-log';
import type { TicketIndex } from './ticket-index';

export interface AppServices {
  config: Pick<AppConfig, 'subscriptions' | 'maxBodyBytes'>;
  /** Per invocation: in Azure the durable client comes from the invocation's input binding. */
  gatewayFor(context: InvocationContext): OrchestrationGateway;
  tickets: TicketIndex;
  policies: PolicyResolver;
  planning: WorkspacePlanning;
  driftReports: DriftReportSource;
  approverAuth: ApproverAuthenticator;
  now: () => Date;
}

type Factory = () => AppServices | Promise<AppServices>;

let factory: Factory | undefined;
let built: Promise<AppServices> | undefined;

/** Installs the services (or a factory run once, on first use). Replaces any earlier installation. */
export function useAppServices(services: AppServices | Factory): void {
  factory = typeof services === 'function' ? services : () => services;
  built = undefined;
}

export function appServices(): Promise<AppServices> {
  if (factory === undefined) return Promise.reject(new Error('app services are not configured (src/app.ts installs them)'));
  if (built === undefined) {
    const pending = Promise.resolve().then(factory);
    built = pending;
    // A failed build (e.g. a transient credential error) is retried on the next invocation.
    pending.catch(() => {
      if (built === pending) built = undefined;
    });
  }
  return built;
}

export function serviceContext(services: AppServices, context: InvocationContext, fields: LogFields = {}): ServiceContext {
  return {
    config: services.config,
    gateway: services.gatewayFor(context),
    tickets: services.tickets,
    policies: services.policies,
    planning: services.planning,
    driftReports: services.driftReports,
    log: structuredLogger(context, { invocationId: context.invocationId, functionName: context.functionName, ...fields }),
    now: services.now,
  };
}
