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

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
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
