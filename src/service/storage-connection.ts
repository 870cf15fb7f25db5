/**
 * Where the ticket table lives: the Functions host storage account (AzureWebJobsStorage), reached with its
 * account key when the setting is a connection string, or with the app's managed identity when the host
 * uses an identity-based connection (`identity:{account}` from loadAppConfig).
 */
import { createHmac } from 'node:crypto';
import type { TableAuthorizer } from './table-ticket-index';

/** Azurite's published development account (not a secret: it is the same for every developer). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export type TableConnection =
  | { kind: 'shared-key'; endpoint: string; account: string; key: string }
  | { kind: 'identity'; endpoint: string; account: string };

export function parseTableConnection(hostStorage: string): TableConnection | undefined {
  const value = hostStorage.trim();
  if (value.startsWith('identity:')) {
    const account = value.slice('identity:'.length);
    if (!/^[a-z0-9]{3,24}$/.test(account)) return undefined;
    return { kind: 'identity', endpoint: `https://${account}.table.core.windows.net`, account };
  }
  const parts = new Map<string, string>();
  for (const pair of value.split(';')) {
    const i = pair.indexOf('=');
    if (i > 0) parts.set(pair.slice(0, i).trim().toLowerCase(), pair.slice(i + 1).trim());
  }
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
    return { kind: 'shared-key', endpoint: `http://127.0.0.1:10002/${DEV_ACCOUNT}`, account: DEV_ACCOUNT, key: DEV_KEY };
  }
  const account = parts.get('accountname');
  const key = parts.get('accountkey');
  if (!account || !key) return undefined;
  const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
  const suffix = parts.get('endpointsuffix') ?? 'core.windows.net';
  const endpoint = parts.get('tableendpoint') ?? `${protocol}://${account}.table.${suffix}`;
  return { kind: 'shared-key', endpoint, account, key };
}

/** Table service Shared Key Lite: HMAC-SHA256 over `x-ms-date \n /{account}{path}`. */
export function sharedKeyLiteAuthorizer(account: string, key: string): TableAuthorizer {
  return async (_method, url, headers) => {
    const date = headers['x-ms-date'] ?? new Date().toUTCString();
    headers['x-ms-date'] = date;
    const comp = url.searchParams.get('comp');
    const resource = `/${account}${url.pathname}${comp !== null ? `?comp=${comp}` : ''}`;
    const signature = createHmac('sha256', Buffer.from(key, 'base64')).update(`${date}\n${resource}`, 'utf8').digest('base64');
    headers['Authorization'] = `SharedKeyLite ${account}:${signature}`;
  };
}

export interface TokenSource {
  getToken(scope: string): Promise<{ token: string } | null>;
}

export function bearerAuthorizer(credential: TokenSource): TableAuthorizer {
  return async (_method, _url, headers) => {
    const token = await credential.getToken('https://storage.azure.com/.default');
    if (token === null) throw new Error('ticket index: no storage token for the app identity');
    headers['Authorization'] = `Bearer ${token.token}`;
  };
}
