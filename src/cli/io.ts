/** Where the CLI writes: injectable so tests call main() and read what it printed. */
export interface CliStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Readonly<Record<string, string | undefined>>;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * `mnet plan ... | head` closes the pipe early: the rest of the output is dropped quietly instead of crashing
 * with an unhandled EPIPE stack trace.
 */
function quietOnBrokenPipe(stream: NodeJS.WriteStream): CliStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
      process.exitCode = 3;
    });
  }
  return {
    isTTY: stream.isTTY === true,
    write: (chunk: string) => (stream.writable && !stream.destroyed ? stream.write(chunk) : false),
  };
}

export function processIo(): CliIo {
  return { stdout: quietOnBrokenPipe(process.stdout), stderr: quietOnBrokenPipe(process.stderr), env: process.env };
}

/** Line-oriented writers over a CliIo. */
export interface Printer {
  out(line?: string): void;
  err(line?: string): void;
}

export function printer(io: CliIo): Printer {
  return {
    out: (line = '') => void io.stdout.write(`${line}\n`),
    err: (line = '') => void io.stderr.write(`${line}\n`),
  };
}
