/**
 * URLs of THIS API for a request (status, approve, reject). Built from the incoming URL's origin and route
 * prefix, never from Durable's management URLs (those embed the system key) and never with the query string
 * (it may carry the caller's function key).
 */
export interface RequestLinks {
  status: string;
  approve: string;
  reject: string;
}

export function apiBase(requestUrl: string): string {
  const url = new URL(requestUrl);
  const marker = url.pathname.indexOf('/v1/');
  const prefix = marker >= 0 ? url.pathname.slice(0, marker) : '/api';
  return `${url.origin}${prefix}/v1`;
}

export function requestLinks(requestUrl: string, instanceId: string): RequestLinks {
  const base = `${apiBase(requestUrl)}/requests/${encodeURIComponent(instanceId)}`;
  return { status: base, approve: `${base}/approve`, reject: `${base}/reject` };
}
