/**
 * The HTTP pipeline every ARM call goes through, in Azure and against the local emulator alike:
 * user agent -> client request id -> retry (429/5xx/reset) -> request budget (writes and all requests per
 * subscription, src/arm/client/write-throttle.ts) -> bearer token -> HTTPS agent. Each retry attempt is booked again.
 * Only the endpoint and the trusted CA differ between the two; the emulator gets the same bearer-token policy.
 */
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { TokenCredential } from '@azure/core-auth';
import {
  agentPolicy,
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  setClientRequestIdPolicy,
  userAgentPolicy,
  type HttpClient,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { armRetryPolicy, type RetryOptions } from './retry-policy';
import { getRequestContext, subscriptionOfUrl } from './request-context';
import { TENANT_KEY, type ArmThrottle } from './write-throttle';

export interface PipelineSettings {
  endpoint: string;
  credential: TokenCredential;
  /** Token scope; defaults to `{endpoint origin}/.default` (https://management.azure.com/.default in Azure). */
  scope?: string;
  /** Extra CA (PEM) to trust besides the public roots: the local emulator's self-signed CA. */
  caCertPem?: string;
  userAgent?: string;
  retry: RetryOptions;
  throttle: ArmThrottle;
}

export interface ArmPipeline {
  pipeline: Pipeline;
  httpClient: HttpClient;
  /** Closes pooled keep-alive sockets (lets a test process or a CLI exit promptly). */
  close(): void;
}

export const DEFAULT_USER_AGENT = 'mnet-autopilot';

export function armTokenScope(endpoint: string): string {
  return `${new URL(endpoint).origin}/.default`;
}

export function createArmPipeline(settings: PipelineSettings): ArmPipeline {
  // `ca` replaces Node's default trust store, so the public roots are kept alongside the extra CA. The secure
  // context is built once: passing `ca` to the agent instead re-parses ~150 roots on every new connection.
  const agent = new Agent({
    keepAlive: true,
    ...(settings.caCertPem ? { secureContext: createSecureContext({ ca: [...rootCertificates, settings.caCertPem] }) } : {}),
  });
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(userAgentPolicy({ userAgentPrefix: settings.userAgent ?? DEFAULT_USER_AGENT }));
  pipeline.addPolicy(setClientRequestIdPolicy());
  pipeline.addPolicy(armRetryPolicy(settings.retry));
  pipeline.addPolicy(armThrottlePolicy(settings.throttle));
  pipeline.addPolicy(
    bearerTokenAuthenticationPolicy({
      credential: settings.credential,
      scopes: settings.scope ?? armTokenScope(settings.endpoint),
    }),
  );
  pipeline.addPolicy(agentPolicy(agent));
  return { pipeline, httpClient: createDefaultHttpClient(), close: () => agent.destroy() };
}

/** Books every request against its subscription's budget (TENANT_KEY when the URL names none) before it leaves. */
export function armThrottlePolicy(throttle: ArmThrottle): PipelinePolicy {
  return {
    name: 'armThrottlePolicy',
    async sendRequest(request, next) {
      const key = subscriptionOfUrl(request.url) ?? TENANT_KEY;
      await throttle.acquire({ key, isWrite: getRequestContext(request)?.isWrite === true });
      return next(request);
    },
  };
}
