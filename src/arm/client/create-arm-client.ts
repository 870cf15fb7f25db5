/**
 * Builds the ArmClient: one pipeline (retry, request ceilings, bearer token, trusted CA), one LRO engine, and the
 * operation groups on top. Azure and the local emulator differ only in `endpoint`, `credential` and `caCertPem`.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { ArmClient } from './arm-client';
import { realNow, realSleep, type Now, type Sleep } from './clock';
import { computeOperations } from './compute-operations';
import type { ClientContext } from './context';
import { dependencyOperations } from './dependency-operations';
import { endpointOperations } from './endpoint-operations';
import { KeyedMutex } from './keyed-mutex';
import { createLroEngine } from './lro';
import { createArmPipeline } from './pipeline';
import { queryResourceGraph } from './resource-graph';
import type { RequestInfo } from './retry-policy';
import { roleOperations } from './role-operations';
import { subscriptionOperations } from './subscription-operations';
import { createTransport } from './transport';
import { workspaceOperations } from './workspace-operations';
import { ArmClientUsageError, USAGE_ERROR_CODES } from './usage-error';
import { ArmThrottle } from './write-throttle';

export interface ArmClientOptions {
  /** e.g. https://management.azure.com, or the emulator's URL. Must be https (bearer tokens never go in clear). */
  endpoint: string;
  credential: TokenCredential;
  /** Extra CA to trust (PEM): the local emulator's. Leave unset in Azure. */
  caCertPem?: string;
  /** Retries of 429 / 5xx / connection resets. Default 6. */
  maxRetries?: number;
  /** Ceiling on writes per second per subscription, strict over any sliding second. Default 5; Infinity or 0 switches it off. */
  writesPerSecond?: number;
  /**
   * Ceiling on ALL requests (reads, writes, LRO polls, retries) per second per subscription, strict over any sliding
   * second; calls naming no subscription (Resource Graph) share one 'tenant' budget. Default 20 (ARM refills 25/s
   * per subscription; the rest is headroom for other tools). Infinity or 0 switches it off.
   */
  requestsPerSecond?: number;
  /** Injected so tests never wait; used for retry backoff, the request ceilings and `...AndWait` polling. */
  sleep?: Sleep;
  /** Clock for HTTP-date Retry-After and the request ceilings. Default Date.now. */
  now?: Now;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  userAgent?: string;
  /** Called after every HTTP attempt (benchmarks count requests with it). */
  onRequest?: (info: RequestInfo) => void;
  /** Token scope; default `{endpoint origin}/.default`. */
  tokenScope?: string;
  /** First retry backoff step without Retry-After. Default 1000 ms. */
  baseRetryDelayMs?: number;
  /** Cap on one retry delay (Retry-After included). Default 60 s. */
  maxRetryDelayMs?: number;
  /** LRO poll interval when the service sends no Retry-After. Default 10 s. */
  defaultPollIntervalSeconds?: number;
}

/** The client plus `close()`, which releases pooled sockets. */
export interface ClosableArmClient extends ArmClient {
  close(): void;
}

export const ARM_CLIENT_DEFAULTS = {
  maxRetries: 6,
  writesPerSecond: 5,
  requestsPerSecond: 20,
  baseRetryDelayMs: 1000,
  maxRetryDelayMs: 60_000,
  defaultPollIntervalSeconds: 10,
} as const;

export function createArmClient(options: ArmClientOptions): ClosableArmClient {
  const endpointUrl = new URL(options.endpoint);
  if (endpointUrl.protocol !== 'https:') throw new ArmClientUsageError(USAGE_ERROR_CODES.invalidOption, `ARM endpoint must be https: ${options.endpoint}`);
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? realNow;
  const maxRetries = options.maxRetries ?? ARM_CLIENT_DEFAULTS.maxRetries;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new ArmClientUsageError(USAGE_ERROR_CODES.invalidOption, `maxRetries must be a non-negative integer: ${maxRetries}`);
  }

  const armPipeline = createArmPipeline({
    endpoint: endpointUrl.origin,
    credential: options.credential,
    ...(options.tokenScope !== undefined ? { scope: options.tokenScope } : {}),
    ...(options.caCertPem !== undefined ? { caCertPem: options.caCertPem } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    retry: {
      maxRetries,
      baseDelayMs: options.baseRetryDelayMs ?? ARM_CLIENT_DEFAULTS.baseRetryDelayMs,
      maxDelayMs: options.maxRetryDelayMs ?? ARM_CLIENT_DEFAULTS.maxRetryDelayMs,
      sleep,
      now,
      random: options.random ?? Math.random,
      ...(options.onRequest !== undefined ? { onRequest: options.onRequest } : {}),
    },
    throttle: new ArmThrottle(
      {
        writesPerSecond: options.writesPerSecond ?? ARM_CLIENT_DEFAULTS.writesPerSecond,
        requestsPerSecond: options.requestsPerSecond ?? ARM_CLIENT_DEFAULTS.requestsPerSecond,
      },
      sleep,
      now,
    ),
  });
  const transport = createTransport(endpointUrl.origin, armPipeline);
  const lro = createLroEngine({
    transport,
    sleep,
    now,
    defaultPollIntervalSeconds: options.defaultPollIntervalSeconds ?? ARM_CLIENT_DEFAULTS.defaultPollIntervalSeconds,
  });
  const ctx: ClientContext = { transport, lro, ruleWrites: new KeyedMutex() };

  return {
    endpoint: transport.endpoint,
    ...workspaceOperations(ctx),
    ...computeOperations(ctx),
    ...endpointOperations(ctx),
    ...roleOperations(ctx),
    ...subscriptionOperations(ctx),
    ...dependencyOperations(ctx),
    pollOperation: (handle) => lro.poll(handle),
    waitForOperation: (handle, waitOptions) => lro.wait(handle, waitOptions),
    queryResourceGraph: (query, subscriptions, graphOptions) => queryResourceGraph(transport, query, subscriptions, graphOptions),
    close: () => armPipeline.close(),
  };
}
