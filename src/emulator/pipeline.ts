/**
 * The request pipeline, in ARM's order: authentication, injected faults, route, api-version, subscription and
 * resource-group existence, management locks, then the handler. Every response carries x-ms-request-id and every
 * ARM request is recorded.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArmError, armErrorBody } from './arm-error';
import type { HandlerContext } from './context';
import type { FaultInjector } from './faults';
import type { EmuRequest, EmuResponse } from './http-types';
import { scopeParts } from './model/scope';
import type { ResolvedSettings } from './options';
import type { RequestRecorder } from './recorder';
import { DATED_API_VERSION, type Params, type Route, type Router } from './router';
import type { EmulatorState } from './state';

export interface PipelineDeps {
  state: EmulatorState;
  faults: FaultInjector;
  recorder: RequestRecorder;
  router: Router;
  settings: ResolvedSettings;
  baseUrl: () => string;
  admin: (req: EmuRequest) => Promise<EmuResponse> | EmuResponse;
}

const MAX_BODY = 16 * 1024 * 1024;

export function createListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'x-ms-request-id': randomUUID() });
        res.end(JSON.stringify(armErrorBody('InternalServerError', String(err), req.url ?? '')));
      } else {
        res.destroy();
      }
    });
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new ArmError(413, 'RequestEntityTooLarge', 'The request body is too large.');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseUrl(rawUrl: string): { path: string; query: Record<string, string>; pathAndQuery: string } {
  const url = new URL(rawUrl, 'https://127.0.0.1');
  const path = url.pathname
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join('/')
    .replace(/\/+$/, '');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  return { path: path === '' ? '/' : path, query, pathAndQuery: `${url.pathname}${url.search}` };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const method = (req.method ?? 'GET').toUpperCase();
  const { path, query, pathAndQuery } = parseUrl(req.url ?? '/');
  const time = deps.state.now();
  let raw = '';
  let emuReq: EmuRequest = { method, path, query, headers: req.headers, body: undefined, requestId };
  const send = (r: EmuResponse): void => {
    const headers: Record<string, string> = {
      'x-ms-request-id': requestId,
      'x-ms-correlation-request-id': headerValue(req.headers['x-ms-correlation-request-id']) ?? requestId,
      ...(r.headers ?? {}),
    };
    let payload: string | undefined;
    if (r.body !== undefined && r.status !== 204) {
      payload = JSON.stringify(r.body);
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    res.writeHead(r.status, headers);
    res.end(payload);
  };

  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof ArmError) return send(errorResponse(err, path));
    throw err;
  }

  if (path === '/_emulator' || path.startsWith('/_emulator/')) {
    try {
      emuReq = { ...emuReq, body: raw.length > 0 ? (JSON.parse(raw) as unknown) : undefined };
      return send(await deps.admin(emuReq));
    } catch (err) {
      return send(errorResponse(err instanceof ArmError ? err : new ArmError(400, 'BadRequest', String(err)), path));
    }
  }

  const record = (status: number, body: unknown): void => {
    const entry: Parameters<RequestRecorder['record']>[0] = { method, path, query, status, time };
    if (method !== 'GET' && method !== 'HEAD' && body !== undefined) entry.body = body;
    deps.recorder.record(entry);
  };

  let parsedBody: unknown;
  let bodyError: ArmError | undefined;
  if (raw.length > 0) {
    try {
      parsedBody = JSON.parse(raw) as unknown;
    } catch {
      parsedBody = raw;
      bodyError = new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
    }
  }
  emuReq = { ...emuReq, body: parsedBody };

  const fault = deps.faults.takeRequestFault(method, pathAndQuery);
  if (fault?.kind === 'reset') {
    record(0, parsedBody);
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms));

  let response: EmuResponse;
  try {
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      throw new ArmError(fault.status, fault.code ?? defaultCode(fault.status), fault.message ?? `Injected fault: HTTP ${fault.status}.`, { headers });
    }
    response = await dispatch(deps, emuReq, pathAndQuery, bodyError);
  } catch (err) {
    if (!(err instanceof ArmError)) throw err;
    response = errorResponse(err, path);
  }
  record(response.status, parsedBody);
  send(response);
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function defaultCode(status: number): string {
  switch (status) {
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalServerError';
    case 502:
      return 'BadGateway';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'GatewayTimeout';
    case 409:
      return 'Conflict';
    default:
      return status >= 500 ? 'InternalServerError' : 'BadRequest';
  }
}

function errorResponse(err: ArmError, path: string): EmuResponse {
  const headers: Record<string, string> = { 'x-ms-failure-cause': err.status >= 500 ? 'service' : 'gateway', ...(err.options.headers ?? {}) };
  return { status: err.status, headers, body: err.body(path) };
}

async function dispatch(deps: PipelineDeps, req: EmuRequest, pathAndQuery: string, bodyError: ArmError | undefined): Promise<EmuResponse> {
  const auth = headerValue(req.headers.authorization);
  if (auth === undefined || !/^Bearer\s+\S+/i.test(auth)) {
    const missing = auth === undefined;
    throw new ArmError(
      401,
      'AuthenticationFailed',
      missing ? "Authentication failed. The 'Authorization' header is missing." : "Authentication failed. The 'Authorization' header is not a Bearer token.",
      {
        headers: {
          'WWW-Authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of ${missing ? 'missing' : 'malformed'} 'Authorization' header."`,
        },
      },
    );
  }

  deps.state.settle();
  const m = deps.router.match(req);
  if (m === undefined) {
    throw new ArmError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${deps.baseUrl()}${pathAndQuery}'.`);
  }
  if ('methodMismatch' in m) {
    throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`, { headers: { Allow: [...new Set(m.allowed)].join(', ') } });
  }
  checkApiVersion(m.route, req);
  if (m.route.checkParents !== false) checkParents(deps.state, m.params);
  checkLocks(deps.state, m.route, req);
  if (bodyError !== undefined) throw bodyError;

  const ctx: HandlerContext = {
    req,
    state: deps.state,
    settings: deps.settings,
    baseUrl: deps.baseUrl(),
    takeLroFault: () => deps.faults.takeLroFault(req.method, pathAndQuery),
  };
  return m.route.handler(ctx, m.params);
}

function checkApiVersion(route: Route, req: EmuRequest): void {
  const v = req.query['api-version'];
  if (route.apiVersions === 'optional') return;
  if (v === undefined || v === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.", { target: 'api-version' });
  }
  const ok = route.apiVersions === 'dated' ? DATED_API_VERSION.test(v) : route.apiVersions.includes(v);
  if (!ok) {
    const supported = route.apiVersions === 'dated' ? 'a dated api-version (YYYY-MM-DD)' : `'${route.apiVersions.join("', '")}'`;
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${v}' is invalid. The supported versions are ${supported}.`, { target: 'api-version' });
  }
}

function checkParents(state: EmulatorState, params: Params): void {
  const scoped = params.scope !== undefined ? scopeParts(params.scope) : {};
  const sub = params.sub ?? scoped.subscriptionId;
  const rg = params.rg ?? scoped.resourceGroup;
  if (sub === undefined) return;
  if (state.subscription(sub) === undefined) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
  if (rg !== undefined && state.resourceGroup(sub, rg) === undefined) {
    throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
  }
}

function checkLocks(state: EmulatorState, route: Route, req: EmuRequest): void {
  const effect = route.lock ?? (req.method === 'DELETE' ? 'delete' : req.method === 'GET' || req.method === 'HEAD' ? 'none' : 'write');
  if (effect === 'none') return;
  // An action (POST .../start) acts on its parent resource.
  const target = req.method === 'POST' ? req.path.replace(/\/[^/]+$/, '') : req.path;
  const blocking = state.locksCovering(target).filter((l) => effect === 'delete' || l.level === 'ReadOnly');
  const first = blocking[0];
  if (first === undefined) return;
  throw new ArmError(
    409,
    'ScopeLocked',
    `The scope '${target}' cannot perform ${effect} operation because following scope(s) are locked: '${blocking.map((l) => l.scope).join("', '")}'. Please remove the lock and try again.`,
  );
}
