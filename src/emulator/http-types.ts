/** The request and response shapes handlers work with (decoupled from node:http). */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmuRequest {
  method: string;
  /** Decoded path without the query string, no trailing slash. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  requestId: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON; undefined sends no body. */
  body?: unknown;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): EmuResponse {
  return headers === undefined ? { status, body } : { status, body, headers };
}

export function noContent(): EmuResponse {
  return { status: 204 };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
