/** Where the CLI writes (and reads answers from): injectable so tests call main() and read what it printed. */
export interface CliStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Where `apply` / `migrate` read a y/N answer; absent or not a TTY: no one can answer. */
export interface CliInput {
  isTTY?: boolean;
  /** Resolves with one line (without the newline), or undefined at end of input. */
  readLine(): Promise<string | undefined>;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Readonly<Record<string, string | undefined>>;
  stdin?: CliInput;
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

/** One line from process.stdin, read only when asked (a prompt): the stream is paused again afterwards. */
function stdinLine(): Promise<string | undefined> {
  const input = process.stdin;
  return new Promise((resolve) => {
    let buffered = '';
    const done = (line: string | undefined): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string): void => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) done(buffered.slice(0, newline).replace(/\r$/, ''));
    };
    const onEnd = (): void => done(buffered === '' ? undefined : buffered);
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  });
}

export function processIo(): CliIo {
  return {
    stdout: quietOnBrokenPipe(process.stdout),
    stderr: quietOnBrokenPipe(process.stderr),
    env: process.env,
    stdin: { isTTY: process.stdin.isTTY === true, readLine: stdinLine },
  };
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
