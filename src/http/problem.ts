/**
 * RFC 7807 problem documents (`application/problem+json`). Every 4xx/5xx the API returns goes through here, so
 * callers always get type, title, status, detail, instance and - for validation failures - every problem found.
 */
import type { HttpResponseInit } from '@azure/functions';
import { ServiceError, type FieldProblem, type ServiceErrorKind } from '../service/service-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Problem types are URNs (no host to resolve); docs/api.md lists each one. */
export const PROBLEM_TYPE_BASE = 'urn:mnet-autopilot:problem:';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const STATUS_OF: Record<ServiceErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  upstream: 502,
  unavailable: 503,
};

export function statusOf(kind: ServiceErrorKind): number {
  return STATUS_OF[kind];
}

const MAX_DETAIL = 2000;

export function problemResponse(
  kind: ServiceErrorKind | 'internal',
  title: string,
  detail: string,
  instance: string,
  errors: FieldProblem[] = [],
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpResponseInit {
  const status = kind === 'internal' ? 500 : statusOf(kind);
  const body: ProblemDocument = {
    ...extensions,
    type: `${PROBLEM_TYPE_BASE}${kind}`,
    title,
    status,
    detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}...` : detail,
    instance,
  };
  if (errors.length > 0) body.errors = errors;
  return {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export function problemFromError(error: ServiceError, instance: string): HttpResponseInit {
  const headers: Record<string, string> =
    error.kind === 'unauthenticated' ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
  return problemResponse(error.kind, error.title, error.detail, instance, error.errors, error.extensions, headers);
}

/** The request path (no query string: it may hold the function key). */
export function instanceOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
