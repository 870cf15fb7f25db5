/** Every ARM request the emulator received, for test assertions and the admin route. */

export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Response status; 0 when the connection was reset by a fault. */
  status: number;
  /** Emulator clock time (ms) when the request arrived. */
  time: number;
  /** Parsed body of writes (PUT, PATCH, POST, DELETE with a body). */
  body?: unknown;
}

export class RequestRecorder {
  private readonly entries: RecordedRequest[] = [];
  private seq = 0;

  record(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const full: RecordedRequest = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    return full;
  }

  list(): RecordedRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
