/**
 * The HTTP pipeline every ARM call goes through, in Azure and against the local emulator alike:
 * user agent -> client request id -> retry (429/5xx/reset) -> write ceiling -> bearer token -> HTTPS agent.
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
import type { WriteThrottle } from './write-throttle';

export interface PipelineSettings {
  endpoint: string;
  credential: TokenCredential;
  /** Token scope; defaults to `{endpoint origin}/.default` (https://management.azure.com/.default in Azure). */
  scope?: string;
  /** Extra CA (PEM) to trust besides the public roots: the local emulator's self-signed CA. */
  caCertPem?: string;
  userAgent?: string;
  retry: RetryOptions;
  throttle: WriteThrottle;
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
  pipeline.addPolicy(writeThrottlePolicy(settings.throttle));
  pipeline.addPolicy(
    bearerTokenAuthenticationPolicy({
      credential: settings.credential,
      scopes: settings.scope ?? armTokenScope(settings.endpoint),
    }),
  );
  pipeline.addPolicy(agentPolicy(agent));
  return { pipeline, httpClient: createDefaultHttpClient(), close: () => agent.destroy() };
}

function writeThrottlePolicy(throttle: WriteThrottle): PipelinePolicy {
  return {
    name: 'armWriteThrottlePolicy',
    async sendRequest(request, next) {
      const subscription = getRequestContext(request)?.isWrite ? subscriptionOfUrl(request.url) : undefined;
      if (subscription !== undefined) await throttle.acquire(subscription);
      return next(request);
    },
  };
}
