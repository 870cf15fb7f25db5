/**
 * Ticket id -> orchestration instance, so the same ticket sent twice returns the first request. The first
 * claim wins atomically (the Azure implementation relies on Table storage's insert-if-absent, see
 * table-ticket-index.ts); this file holds the contract and the in-memory implementation for tests and local runs.
 */
export type TicketKind = 'request' | 'workspace';

export interface TicketRecord {
  ticketId: string;
  instanceId: string;
  kind: TicketKind;
  /** The workspace the ticket is about (for /workspaces: the id of the workspace to create). */
  workspaceId: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface ClaimResult {
  /** The record now stored for the ticket: ours when claimed, the earlier one otherwise. */
  record: TicketRecord;
  claimed: boolean;
}

export interface TicketIndex {
  get(ticketId: string): Promise<TicketRecord | undefined>;
  /** Stores the record unless the ticket is already known; never overwrites. */
  claim(record: TicketRecord): Promise<ClaimResult>;
  /** Drops a claim that could not be honoured, only while it still points at `instanceId`. */
  release(ticketId: string, instanceId: string): Promise<void>;
}

export class InMemoryTicketIndex implements TicketIndex {
  private readonly records = new Map<string, TicketRecord>();

  async get(ticketId: string): Promise<TicketRecord | undefined> {
    const r = this.records.get(ticketId);
    return r === undefined ? undefined : { ...r };
  }

  async claim(record: TicketRecord): Promise<ClaimResult> {
    const existing = this.records.get(record.ticketId);
    if (existing !== undefined) return { record: { ...existing }, claimed: false };
    this.records.set(record.ticketId, { ...record });
    return { record: { ...record }, claimed: true };
  }

  async release(ticketId: string, instanceId: string): Promise<void> {
    if (this.records.get(ticketId)?.instanceId === instanceId) this.records.delete(ticketId);
  }

  get size(): number {
    return this.records.size;
  }
}
