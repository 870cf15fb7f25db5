/** Raw HTTPS client for the conformance tests: node:https with the emulator's CA, no SDK in between. */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { ML_API_VERSION } from '../../src/arm/api-versions';
import type { RunningEmulator } from '../../src/emulator';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false: no Authorization header. */
  auth?: boolean;
}

/** `path` may be absolute (https://...) or a path with query. */
export function call(emu: Pick<RunningEmulator, 'url' | 'caCertPem'>, method: string, path: string, options: CallOptions = {}): Promise<RawResponse> {
  const url = new URL(path.startsWith('https://') ? path : `${emu.url}${path}`);
  const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
  if (options.auth !== false) headers.authorization ??= 'Bearer test-token';
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca: emu.caCertPem, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined, text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export const SUB = '00000000-0000-0000-0000-000000000001';
export const SUB2 = '00000000-0000-0000-0000-000000000002';
export const TENANT = '00000000-0000-0000-0000-0000000000aa';
export const ML = `api-version=${ML_API_VERSION}`;

export function wsPath(rg: string, ws: string, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}`;
}

/** Narrowing helper for JSON bodies in assertions. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`expected an array, got ${JSON.stringify(value)}`);
  return value;
}

/** Follows a dotted path: at(body, 'properties.managedNetwork.status.status'). */
export function at(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function errorCode(res: RawResponse): unknown {
  return at(res.body, 'error.code');
}

export async function putResourceGroup(emu: Pick<RunningEmulator, 'url' | 'caCertPem'>, rg: string, sub = SUB, location = 'eastus'): Promise<void> {
  const res = await call(emu, 'PUT', `/subscriptions/${sub}/resourcegroups/${rg}?api-version=2021-04-01`, { body: { location } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`resource group PUT failed: ${res.status} ${res.text}`);
}
