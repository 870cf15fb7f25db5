/**
 * Route table. Patterns are ARM paths with `:param` segments, compared case-insensitively as ARM does; a leading
 * `*scope` captures any scope prefix (role assignments, role definitions and locks live "at any scope").
 */
import type { EmuRequest, EmuResponse } from './http-types';
import type { HandlerContext } from './context';

export type Params = Record<string, string>;

/**
 * api-version policy of a route: a list of accepted versions, 'dated' (any YYYY-MM-DD[-preview], for dependency
 * resources whose versions vary per type), or 'optional' (poll URLs; tolerated with or without).
 */
export type ApiVersionPolicy = readonly string[] | 'dated' | 'optional';

/** How a request interacts with management locks. */
export type LockEffect = 'none' | 'write' | 'delete';

export interface Route {
  method: string;
  pattern: string;
  apiVersions: ApiVersionPolicy;
  /** Default: PUT/PATCH/POST -> write, DELETE -> delete, GET -> none. */
  lock?: LockEffect;
  /** Check that the subscription and resource group in the path exist (default true). */
  checkParents?: boolean;
  handler: (ctx: HandlerContext, params: Params) => EmuResponse | Promise<EmuResponse>;
}

interface CompiledRoute {
  route: Route;
  scoped: boolean;
  segments: string[];
}

export interface RouteMatch {
  route: Route;
  params: Params;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) {
      const segments = route.pattern.split('/').filter((s) => s.length > 0);
      const scoped = segments[0] === '*scope';
      this.routes.push({ route, scoped, segments: scoped ? segments.slice(1) : segments });
    }
  }

  /** The matching route, or `methodMismatch` when the path exists for other methods. */
  match(req: Pick<EmuRequest, 'method' | 'path'>): RouteMatch | { methodMismatch: true; allowed: string[] } | undefined {
    const parts = req.path.split('/').filter((s) => s.length > 0);
    const allowed: string[] = [];
    for (const c of this.routes) {
      const params = matchSegments(c, parts);
      if (params === undefined) continue;
      if (c.route.method !== req.method) {
        allowed.push(c.route.method);
        continue;
      }
      return { route: c.route, params };
    }
    return allowed.length > 0 ? { methodMismatch: true, allowed } : undefined;
  }
}

function matchSegments(c: CompiledRoute, parts: string[]): Params | undefined {
  const params: Params = {};
  let offset = 0;
  if (c.scoped) {
    if (parts.length < c.segments.length) return undefined;
    offset = parts.length - c.segments.length;
    params.scope = offset === 0 ? '/' : `/${parts.slice(0, offset).join('/')}`;
  } else if (parts.length !== c.segments.length) {
    return undefined;
  }
  for (let i = 0; i < c.segments.length; i++) {
    const pat = c.segments[i] as string;
    const actual = parts[offset + i] as string;
    if (pat.startsWith(':')) params[pat.slice(1)] = actual;
    else if (pat.toLowerCase() !== actual.toLowerCase()) return undefined;
  }
  if (c.scoped && !isValidScope(params.scope ?? '/')) return undefined;
  return params;
}

/** Scopes ARM accepts: root, a management group, or a subscription (and anything below it). */
function isValidScope(scope: string): boolean {
  if (scope === '/') return true;
  const p = scope.split('/').filter((s) => s.length > 0).map((s) => s.toLowerCase());
  if (p[0] === 'subscriptions') {
    if (p.length === 2) return true;
    if (p[2] !== 'resourcegroups' || p.length < 4) return false;
    if (p.length === 4) return true;
    return p[4] === 'providers' && p.length >= 8 && (p.length - 6) % 2 === 0;
  }
  return p[0] === 'providers' && p[1] === 'microsoft.management' && p[2] === 'managementgroups' && p.length === 4;
}

export const DATED_API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview|-beta|-alpha)?$/;
