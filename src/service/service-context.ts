/** Everything a service function needs for one invocation (the gateway is per invocation in Azure). */
import type { AppConfig } from './app-config';
import type { OrchestrationGateway } from './orchestration-gateway';
import type { DriftReportSource, PolicyResolver, WorkspacePlanning } from './ports';
import type { StructuredLogger } from './structured-log';
import type { TicketIndex } from './ticket-index';

export interface ServiceContext {
  config: Pick<AppConfig, 'subscriptions'>;
  gateway: OrchestrationGateway;
  tickets: TicketIndex;
  policies: PolicyResolver;
  planning: WorkspacePlanning;
  driftReports: DriftReportSource;
  log: StructuredLogger;
  now: () => Date;
}
