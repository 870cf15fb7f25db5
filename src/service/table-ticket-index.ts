/**
 * TicketIndex on Azure Table storage, spoken over REST (no SDK: one table, three calls). One entity per ticket
 * (PartitionKey "ticket", RowKey = ticket id). Insert Entity fails with 409 when the row exists, which gives
 * the first-claim-wins guarantee across all function instances. The table is created on first use.
 */
import { ServiceError } from './service-error';
import type { ClaimResult, TicketIndex, TicketKind, TicketRecord } from './ticket-index';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** Adds the Authorization header (shared key or bearer token) to a request about to be sent. */
export type TableAuthorizer = (method: string, url: URL, headers: Record<string, string>) => Promise<void>;

export interface TableTicketIndexOptions {
  /** Table service endpoint, e.g. https://acct.table.core.windows.net (path-style for Azurite). */
  endpoint: string;
  table: string;
  authorize: TableAuthorizer;
  fetch?: FetchLike;
  now?: () => Date;
}

const PARTITION = 'ticket';
const API_VERSION = '2019-02-02';

/** Callers get a 503 (try again later); the operation and status are for the logs. */
export class TableStorageError extends ServiceError {
  constructor(readonly status: number, readonly operation: string) {
    super('unavailable', 'Ticket index unavailable', `The ticket index could not be used (${operation}: HTTP ${status}); try again later.`);
    this.name = 'TableStorageError';
  }
}

export class TableTicketIndex implements TicketIndex {
  private readonly endpoint: string;
  private readonly fetch: FetchLike;
  private readonly now: () => Date;

  constructor(private readonly options: TableTicketIndexOptions) {
    if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(options.table)) throw new Error(`invalid table name "${options.table}"`);
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.fetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
    this.now = options.now ?? (() => new Date());
  }

  async get(ticketId: string): Promise<TicketRecord | undefined> {
    const found = await this.read(ticketId);
    return found?.record;
  }

  async claim(record: TicketRecord): Promise<ClaimResult> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const res = await this.send('POST', `${this.endpoint}/${this.options.table}`, toEntity(record), { Prefer: 'return-no-content' });
      if (res.status === 201 || res.status === 204) return { record, claimed: true };
      if (res.status === 409) {
        const existing = await this.read(record.ticketId);
        // Deleted between our insert and our read: try the insert once more.
        if (existing !== undefined) return { record: existing.record, claimed: false };
        continue;
      }
      if (res.status === 404 && attempt === 0) {
        await this.createTable();
        continue;
      }
      throw new TableStorageError(res.status, 'insert');
    }
    throw new TableStorageError(409, 'insert');
  }

  async release(ticketId: string, instanceId: string): Promise<void> {
    const existing = await this.read(ticketId);
    if (existing === undefined || existing.record.instanceId !== instanceId) return;
    // If-Match on the ETag: never delete a record someone rewrote since we read it.
    const res = await this.send('DELETE', this.entityUrl(ticketId), undefined, { 'If-Match': existing.etag ?? '*' });
    if (res.status !== 204 && res.status !== 404 && res.status !== 412) throw new TableStorageError(res.status, 'delete');
  }

  private entityUrl(ticketId: string): string {
    const key = (value: string): string => encodeURIComponent(value.replace(/'/g, "''"));
    return `${this.endpoint}/${this.options.table}(PartitionKey='${key(PARTITION)}',RowKey='${key(ticketId)}')`;
  }

  private async read(ticketId: string): Promise<{ record: TicketRecord; etag: string | null } | undefined> {
    const res = await this.send('GET', this.entityUrl(ticketId));
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new TableStorageError(res.status, 'read');
    const record = fromEntity(JSON.parse(await res.text()) as unknown);
    if (record === undefined) throw new TableStorageError(res.status, 'read (unexpected entity)');
    return { record, etag: res.headers.get('etag') };
  }

  private async createTable(): Promise<void> {
    const res = await this.send('POST', `${this.endpoint}/Tables`, { TableName: this.options.table }, { Prefer: 'return-no-content' });
    if (res.status !== 201 && res.status !== 204 && res.status !== 409) throw new TableStorageError(res.status, 'create table');
  }

  private async send(method: string, url: string, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = {
      Accept: 'application/json;odata=nometadata',
      'x-ms-version': API_VERSION,
      'x-ms-date': this.now().toUTCString(),
      DataServiceVersion: '3.0;NetFx',
      ...extra,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    await this.options.authorize(method, new URL(url), headers);
    const init: { method: string; headers: Record<string, string>; body?: string } = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    return this.fetch(url, init);
  }
}

function toEntity(record: TicketRecord): Record<string, string> {
  return {
    PartitionKey: PARTITION,
    RowKey: record.ticketId,
    instanceId: record.instanceId,
    kind: record.kind,
    workspaceId: record.workspaceId,
    createdAt: record.createdAt,
  };
}

function fromEntity(value: unknown): TicketRecord | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const e = value as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
  const ticketId = str('RowKey');
  const instanceId = str('instanceId');
  const kind = str('kind');
  if (ticketId === undefined || instanceId === undefined || (kind !== 'request' && kind !== 'workspace')) return undefined;
  return { ticketId, instanceId, kind: kind as TicketKind, workspaceId: str('workspaceId') ?? '', createdAt: str('createdAt') ?? '' };
}
