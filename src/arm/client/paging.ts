/** Follows `nextLink` until the last page; ARM list bodies are `{value: [...], nextLink?}`. */
import type { ArmOperationName } from '../actions';
import { ArmError, CLIENT_ERROR_CODES, isRecord } from './errors';
import type { ArmTransport } from './transport';

export async function listAll<T>(
  transport: ArmTransport,
  first: { url: string; operation: ArmOperationName; resourceId: string },
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let url: string | undefined = first.url;
  while (url !== undefined) {
    // A service repeating a nextLink would otherwise loop forever; stopping quietly would hide rows.
    if (seen.has(url)) {
      throw new ArmError({
        status: 0,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: `the service returned the same nextLink twice: ${url}`,
        operation: first.operation,
        resourceId: first.resourceId,
        method: 'GET',
      });
    }
    seen.add(url);
    const response = await transport.send({ method: 'GET', url, operation: first.operation, resourceId: first.resourceId });
    const body = response.body;
    if (!isRecord(body) || !Array.isArray(body['value'])) {
      throw new ArmError({
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: 'list response has no "value" array',
        operation: first.operation,
        resourceId: first.resourceId,
        method: 'GET',
        requestId: response.requestId,
      });
    }
    items.push(...(body['value'] as T[]));
    const next = body['nextLink'];
    url = typeof next === 'string' && next !== '' ? next : undefined;
  }
  return items;
}

/** A single resource body: must be a JSON object. */
export function asResource<T>(body: unknown, context: { operation: ArmOperationName; resourceId: string; status: number }): T {
  if (!isRecord(body)) {
    throw new ArmError({
      status: context.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: 'expected a JSON object in the response',
      operation: context.operation,
      resourceId: context.resourceId,
    });
  }
  return body as T;
}
