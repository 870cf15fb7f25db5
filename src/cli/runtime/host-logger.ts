/** With --verbose, the local host's warnings and errors (retries, failed activities) go to stderr. */
import type { HostLogger } from '../../durable/local-host';
import type { Printer } from '../io';

export function hostLogger(verbose: boolean, print: Printer): { logger?: HostLogger } {
  if (!verbose) return {};
  return {
    logger: {
      warn: (message) => print.err(`host: ${message}`),
      error: (message) => print.err(`host: ${message}`),
    },
  };
}
