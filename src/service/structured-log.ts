/**
 * Structured logs: one JSON object per line with consistent fields (event, instanceId, ticketId, workspaceId,
 * outcome, ...), so Application Insights queries can `parse_json(message)` and follow a ticket end to end.
 */
export type LogFields = Record<string, unknown>;

export interface StructuredLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every entry (e.g. the invocation id). */
  with(fields: LogFields): StructuredLogger;
}

/** The three methods of InvocationContext the logger writes through. */
export interface LogSink {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function structuredLogger(sink: LogSink, base: LogFields = {}): StructuredLogger {
  const write = (level: 'log' | 'warn' | 'error', event: string, fields: LogFields = {}): void => {
    const entry: LogFields = { event, ...base, ...fields };
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ event, ...base, note: 'fields not serializable' });
    }
    sink[level](line);
  };
  return {
    info: (event, fields) => write('log', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    with: (fields) => structuredLogger(sink, { ...base, ...fields }),
  };
}

/** Message of an unexpected error for the logs (first line only: no stack traces, even in logs' summaries). */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 500);
}
