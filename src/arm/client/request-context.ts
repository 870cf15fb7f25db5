/**
 * What the pipeline policies need to know about a request beyond its URL: which ARM operation it belongs to and
 * whether it is a write (writes are rate-limited per subscription). Kept beside the request, not inside it,
 * because PipelineRequest has no slot for caller data.
 */
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import type { ArmOperationName } from '../actions';

export interface RequestContext {
  operation: ArmOperationName;
  isWrite: boolean;
}

const contexts = new WeakMap<PipelineRequest, RequestContext>();

export function setRequestContext(request: PipelineRequest, context: RequestContext): void {
  contexts.set(request, context);
}

export function getRequestContext(request: PipelineRequest): RequestContext | undefined {
  return contexts.get(request);
}

const SUBSCRIPTION_IN_PATH = /\/subscriptions\/([0-9a-fA-F-]{36})(?:\/|$)/;

/** The subscription a request acts on, from its URL path; undefined for tenant-level calls (Resource Graph). */
export function subscriptionOfUrl(url: string): string | undefined {
  const path = new URL(url).pathname;
  return SUBSCRIPTION_IN_PATH.exec(path)?.[1]?.toLowerCase();
}
