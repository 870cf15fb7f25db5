/**
 * Hand-rolled argument parsing (no dependency): `--name value`, `--name=value`, `-x`, boolean flags, `--`
 * ending options. Unknown options, missing values and repeated options are usage errors.
 */
import { UsageError } from './errors';

export interface OptionSpec {
  /** Long name without dashes, e.g. `policy`. */
  name: string;
  short?: string;
  /** Name of the value in help (`--policy <file>`); absent: a boolean flag. */
  value?: string;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Boolean flags map to true; value options to their value. */
  options: Record<string, string | true>;
}

function findSpec(specs: readonly OptionSpec[], token: string): OptionSpec | undefined {
  if (token.startsWith('--')) return specs.find((s) => s.name === token.slice(2));
  return specs.find((s) => s.short !== undefined && s.short === token.slice(1));
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] as string;
    if (token === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      parsed.positionals.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq >= 0 ? token.slice(0, eq) : token;
    const spec = findSpec(specs, flag);
    if (spec === undefined) throw new UsageError(`unknown option ${flag}`);
    if (parsed.options[spec.name] !== undefined) throw new UsageError(`option --${spec.name} given more than once`);
    if (spec.value === undefined) {
      if (eq >= 0) throw new UsageError(`option --${spec.name} takes no value`);
      parsed.options[spec.name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = token.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next !== undefined && (!next.startsWith('-') || next === '-')) {
        value = next;
        i += 1;
      }
    }
    if (value === undefined || value === '') throw new UsageError(`option --${spec.name} needs a value (${spec.value})`);
    parsed.options[spec.name] = value;
  }
  return parsed;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagOption(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

/** Usage text of one option: `--policy <file>` or `-v, --verbose`. */
export function optionSynopsis(spec: OptionSpec): string {
  const long = `--${spec.name}${spec.value ? ` <${spec.value}>` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}
