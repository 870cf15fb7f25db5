/** The host's optional logger, and the bridge from InvocationContext logging (context.log/warn/...) to it. */
import type { LogHandler, LogLevel } from '@azure/functions';

/** Console-compatible: `{ warn: console.warn }` works. */
export type HostLogger = Partial<
  Record<'debug' | 'info' | 'warn' | 'error', (message: string, data?: Record<string, unknown>) => void>
>;

const LEVELS: Record<LogLevel, keyof HostLogger | undefined> = {
  trace: 'debug',
  debug: 'debug',
  information: 'info',
  warning: 'warn',
  error: 'error',
  critical: 'error',
  none: undefined,
};

export function invocationLogHandler(logger: HostLogger | undefined, instanceId: string): LogHandler {
  return (level, ...args) => {
    const target = LEVELS[level];
    if (target === undefined) return;
    const message = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    logger?.[target]?.(message, { instanceId });
  };
}
