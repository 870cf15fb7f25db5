/**
 * The trigger handlers' services wired to a REAL LocalHostGateway over the rig's host (the rest: the trigger
 * tests' in-memory fakes), installed for the handlers, with the given app policy and subscriptions.
 */
import { functionKeyApproverAuth } from '../../../src/http/approver-auth';
import { useAppServices, type AppServices } from '../../../src/service/app-services';
import { LocalHostGateway } from '../../../src/service/local-host-gateway';
import { FilePolicyResolver } from '../../../src/service/policy-resolver';
import { InMemoryTicketIndex } from '../../../src/service/ticket-index';
import type { LocalDurableHost } from '../../../src/durable/local-host';
import { FakePlanning, memoryPolicySources } from '../../functions/support/fakes';

export function installHostServices(host: () => LocalDurableHost, subscriptions: string[], rawPolicy: Record<string, unknown>): AppServices {
  const services: AppServices = {
    config: { subscriptions, maxBodyBytes: 262_144 },
    gatewayFor: () => new LocalHostGateway(host()),
    tickets: new InMemoryTicketIndex(),
    policies: new FilePolicyResolver(memoryPolicySources({ 'baseline.yaml': rawPolicy })),
    planning: new FakePlanning(),
    driftReports: { latest: async () => undefined },
    approverAuth: functionKeyApproverAuth(),
    now: () => new Date('2025-01-01T00:00:00.000Z'),
  };
  useAppServices(services);
  return services;
}
