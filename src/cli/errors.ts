/** Errors the CLI turns into exit codes at the top (never a stack trace unless --verbose). */
import { EXIT } from './exit-codes';

/** The command cannot run as asked (exit 2). `hint` is printed on a second line (default: where to find usage; '' for none). */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Something failed while running (exit 3): ARM, network, file system. */
export class RuntimeFailure extends Error {
  readonly exitCode = EXIT.runtime;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RuntimeFailure';
  }
}
