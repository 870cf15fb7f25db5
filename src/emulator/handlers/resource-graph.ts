/**
 * Resource Graph: POST /providers/Microsoft.ResourceGraph/resources (2022-10-01) over the emulated workspaces and
 * dependency resources. Query subset: see resource-graph/kql.ts. Paging: options.$top (1..1000, default 100),
 * options.$skip, options.$skipToken (opaque, bound to the query and subscriptions). resultFormat objectArray
 * (default) or table. Rows mirror ARG: type and resourceGroup lower-cased, properties as a GET returns them.
 * An unsupported query answers 400 {error:{code:'BadRequest', details:[{code:'InvalidQuery', message}]}}.
 */
import { createHash } from 'node:crypto';
import { RESOURCE_GRAPH_API_VERSION } from '../../arm/api-versions';
import { ArmError } from '../arm-error';
import type { HandlerContext } from '../context';
import { asRecord, clone, type EmuResponse } from '../http-types';
import { WORKSPACE_TYPE } from '../model/network';
import type { EmulatorState } from '../state';
import { runQuery, type LazyRow } from '../resource-graph/evaluate';
import { KqlError, parseKql } from '../resource-graph/kql';
import type { Route } from '../router';
import { genericResourceView } from '../views/simple-views';
import { workspaceView } from '../views/workspace-view';

const MAX_TOP = 1000;
const DEFAULT_TOP = 100;

export function resourceGraphRoutes(): Route[] {
  return [
    { method: 'POST', pattern: '/providers/Microsoft.ResourceGraph/resources', apiVersions: [RESOURCE_GRAPH_API_VERSION], lock: 'none', handler: query },
  ];
}

function invalidQuery(message: string): ArmError {
  return new ArmError(400, 'BadRequest', 'Please provide below info when asking for support: timestamp, correlation id. The query is invalid.', {
    details: [
      { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
      { code: 'ParserFailure', message },
    ],
  });
}

function* rowsFor(state: EmulatorState, subscriptions: Set<string> | undefined): Generator<LazyRow> {
  const inScope = (sub: string): boolean => subscriptions === undefined || subscriptions.has(sub.toLowerCase());
  for (const ws of state.db.workspaces.values()) {
    if (!inScope(ws.subscriptionId)) continue;
    yield {
      base: {
        id: ws.id,
        name: ws.name,
        type: WORKSPACE_TYPE.toLowerCase(),
        kind: ws.kind,
        location: ws.location,
        resourceGroup: ws.resourceGroup.toLowerCase(),
        subscriptionId: ws.subscriptionId,
        tenantId: state.tenantOf(ws.subscriptionId) ?? '',
        tags: { ...ws.tags },
        managedBy: '',
      },
      full: () => {
        const v = workspaceView(state, ws);
        return { identity: v.identity ?? null, properties: v.properties, sku: v.sku ?? null, plan: null, zones: null, extendedLocation: null };
      },
    };
  }
  for (const r of state.db.resources.values()) {
    if (!inScope(r.subscriptionId)) continue;
    yield {
      base: {
        id: r.id,
        name: r.name,
        type: r.type.toLowerCase(),
        kind: r.kind ?? '',
        location: r.location,
        resourceGroup: r.resourceGroup.toLowerCase(),
        subscriptionId: r.subscriptionId,
        tenantId: state.tenantOf(r.subscriptionId) ?? '',
        tags: { ...r.tags },
        managedBy: '',
      },
      full: () => {
        const v = genericResourceView(r);
        return { identity: v.identity ?? null, properties: clone(v.properties), sku: v.sku ?? null, plan: null, zones: null, extendedLocation: null };
      },
    };
  }
}

function query(ctx: HandlerContext): EmuResponse {
  const body = asRecord(ctx.req.body);
  if (typeof body.query !== 'string') throw invalidQuery("The request body needs a 'query' string.");
  const options = asRecord(body.options);
  const format = options.resultFormat ?? 'objectArray';
  if (format !== 'objectArray' && format !== 'table') throw new ArmError(400, 'BadRequest', `resultFormat '${String(format)}' is not supported; use objectArray or table.`);
  const top = options.$top === undefined ? DEFAULT_TOP : Number(options.$top);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw new ArmError(400, 'BadRequest', `options.$top must be an integer between 1 and ${MAX_TOP}.`);
  const subsList = Array.isArray(body.subscriptions) ? body.subscriptions.filter((s): s is string => typeof s === 'string') : [];
  const subs = subsList.length > 0 ? new Set(subsList.map((s) => s.toLowerCase())) : undefined;

  let parsed;
  try {
    parsed = parseKql(body.query);
  } catch (err) {
    if (err instanceof KqlError) throw invalidQuery(err.message);
    throw err;
  }
  const fingerprint = createHash('sha1').update(`${body.query}\n${[...(subs ?? [])].sort().join(',')}`).digest('hex').slice(0, 16);
  let offset = options.$skip === undefined ? 0 : Number(options.$skip);
  if (!Number.isInteger(offset) || offset < 0) throw new ArmError(400, 'BadRequest', 'options.$skip must be a non-negative integer.');
  if (typeof options.$skipToken === 'string' && options.$skipToken !== '') {
    offset = decodeToken(options.$skipToken, fingerprint);
  }
  const result = runQuery(parsed, rowsFor(ctx.state, subs));
  const total = result.rows.length;
  const page = result.rows.slice(offset, offset + top).map(result.project);
  const out: Record<string, unknown> = { totalRecords: total, count: page.length, resultTruncated: 'false', facets: [] };
  if (offset + top < total) out.$skipToken = Buffer.from(JSON.stringify({ f: fingerprint, o: offset + top }), 'utf8').toString('base64url');
  if (format === 'objectArray') {
    out.data = page;
  } else {
    const names = result.columns ?? [...new Set(page.flatMap((r) => Object.keys(r)))];
    out.data = { columns: names.map((name) => ({ name, type: 'object' })), rows: page.map((r) => names.map((n) => r[n] ?? null)) };
  }
  return { status: 200, body: out };
}

function decodeToken(token: string, fingerprint: string): number {
  try {
    const v = asRecord(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown);
    if (v.f === fingerprint && typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    // fall through
  }
  throw new ArmError(400, 'BadRequest', 'The $skipToken is invalid or belongs to another query.', { details: [{ code: 'InvalidSkipToken', message: 'Invalid $skipToken.' }] });
}
