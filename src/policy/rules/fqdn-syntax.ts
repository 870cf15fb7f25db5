/** Splits and checks an FQDN destination: host name, optional leading `*.` wildcard, optional `:port`. */
export interface FqdnParts {
  host: string;
  wildcard: boolean;
  port?: number;
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export function parseFqdn(destination: string): FqdnParts | { error: string } {
  if (/\s/.test(destination)) return { error: 'must not contain spaces' };
  if (destination.includes('://')) return { error: 'write the host name only, without a scheme (e.g. "pypi.org")' };
  if (destination.includes('/')) return { error: 'write the host name only, without a path' };
  let host = destination;
  let port: number | undefined;
  const colon = destination.lastIndexOf(':');
  if (colon >= 0) {
    const p = destination.slice(colon + 1);
    if (!/^\d{1,5}$/.test(p)) return { error: `"${p}" after ":" is not a port number` };
    port = Number(p);
    host = destination.slice(0, colon);
  }
  const wildcard = host.startsWith('*.');
  const base = wildcard ? host.slice(2) : host;
  if (base.includes('*')) return { error: 'a wildcard is only allowed as the first label ("*.example.com")' };
  if (base.length === 0 || base.length > 253) return { error: 'must be a host name of 1 to 253 characters' };
  const labels = base.split('.');
  if (labels.some((l) => !LABEL.test(l))) {
    return { error: 'each dot-separated label must be 1-63 letters, digits or hyphens, not starting or ending with a hyphen' };
  }
  if (!wildcard && labels.length < 2) return { error: 'must be a fully qualified name with a domain (e.g. "pypi.org")' };
  const parts: FqdnParts = { host: host.toLowerCase(), wildcard };
  if (port !== undefined) parts.port = port;
  return parts;
}
