/**
 * Resource Graph queries across many subscriptions: subscriptions are split into batches, each batch is paged
 * with $top/$skipToken until the service stops returning a token, and every row is returned. A truncated
 * answer without a skip token (a query that does not project `id`) is an error, never a short list.
 */
import { RESOURCE_GRAPH_API_VERSION } from '../api-versions';
import type { ResourceGraphResponse } from '../types';
import { ArmError, CLIENT_ERROR_CODES, isRecord } from './errors';
import type { ResourceGraphOptions } from './types';
import type { ArmTransport } from './transport';
import { armPath, requireSubscription } from './urls';

export const RESOURCE_GRAPH_MAX_PAGE_SIZE = 1000;
/** Subscriptions per request; the service documents batching large lists, 1000 per call is the common split. */
export const RESOURCE_GRAPH_DEFAULT_SUBSCRIPTIONS_PER_REQUEST = 1000;

const RESOURCES_PATH = '/providers/Microsoft.ResourceGraph/resources';

export async function queryResourceGraph<T>(
  transport: ArmTransport,
  query: string,
  subscriptions: readonly string[],
  options: ResourceGraphOptions = {},
): Promise<T[]> {
  const pageSize = clamp(options.pageSize ?? RESOURCE_GRAPH_MAX_PAGE_SIZE, 1, RESOURCE_GRAPH_MAX_PAGE_SIZE);
  const perRequest = Math.max(1, options.subscriptionsPerRequest ?? RESOURCE_GRAPH_DEFAULT_SUBSCRIPTIONS_PER_REQUEST);
  // An empty list would make the service query every subscription the identity can see: not what was asked.
  const unique = [...new Set(subscriptions.map((s) => requireSubscription(s).toLowerCase()))];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += perRequest) {
    const batch = unique.slice(i, i + perRequest);
    let skipToken: string | undefined;
    const seenTokens = new Set<string>();
    do {
      const body = {
        subscriptions: batch,
        query,
        options: { $top: pageSize, resultFormat: 'objectArray', ...(skipToken !== undefined ? { $skipToken: skipToken } : {}) },
      };
      const res = await transport.send({
        method: 'POST',
        url: armPath(RESOURCES_PATH, RESOURCE_GRAPH_API_VERSION),
        operation: 'queryResourceGraph',
        resourceId: RESOURCES_PATH,
        body,
      });
      const page = readPage<T>(res.body, res.status, res.requestId);
      rows.push(...page.data);
      const next = page.$skipToken;
      if (next !== undefined && seenTokens.has(next)) throw invalid(`the service returned the same $skipToken twice`, res.status, res.requestId);
      if (next === undefined && (page.resultTruncated === true || page.resultTruncated === 'true')) {
        throw new ArmError({
          status: res.status,
          code: CLIENT_ERROR_CODES.resultTruncated,
          message: 'Resource Graph truncated the result and gave no $skipToken; project the id column so it can page',
          operation: 'queryResourceGraph',
          resourceId: RESOURCES_PATH,
          method: 'POST',
          requestId: res.requestId,
        });
      }
      if (next !== undefined) seenTokens.add(next);
      skipToken = next;
    } while (skipToken !== undefined);
  }
  return rows;
}

function readPage<T>(body: unknown, status: number, requestId: string | undefined): ResourceGraphResponse<T> {
  if (!isRecord(body) || !Array.isArray(body['data'])) throw invalid('Resource Graph answer has no "data" array (resultFormat objectArray expected)', status, requestId);
  const token = body['$skipToken'];
  return {
    totalRecords: typeof body['totalRecords'] === 'number' ? body['totalRecords'] : 0,
    count: typeof body['count'] === 'number' ? body['count'] : body['data'].length,
    resultTruncated: body['resultTruncated'] === true || body['resultTruncated'] === 'true',
    ...(typeof token === 'string' && token !== '' ? { $skipToken: token } : {}),
    data: body['data'] as T[],
  };
}

function invalid(message: string, status: number, requestId: string | undefined): ArmError {
  return new ArmError({ status, code: CLIENT_ERROR_CODES.invalidResponse, message, operation: 'queryResourceGraph', resourceId: RESOURCES_PATH, method: 'POST', requestId });
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(n)));
}
