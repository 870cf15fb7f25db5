/**
 * The README's generated tables: configuration (from src/config/settings.ts) and exit codes (from
 * src/cli/exit-codes.ts). readme.test.ts fails when the README drifts from them; print them with
 * `node --import tsx tests/cli/readme-tables.ts` and paste between the markers.
 */
import { EXIT } from '../../src/cli/exit-codes';
import { SETTINGS } from '../../src/config/settings';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/</g, '&lt;');

export function settingsTable(): string {
  const rows = SETTINGS.map((s) => {
    const def = s.required ? '**required**' : s.defaultValue === '' || s.defaultValue === undefined ? '(empty)' : `\`${s.defaultValue}\``;
    return `| \`${s.name}\` | ${def} | ${cell(s.description)} |`;
  });
  return ['| Setting | Default | What it does |', '|---|---|---|', ...rows].join('\n');
}

export const EXIT_MEANINGS: Record<keyof typeof EXIT, string> = {
  ok: 'success: policy valid, plan computed, no drift, applied / migrated / already compliant, dry run done, demo compliant',
  failed: 'a negative verdict: policy invalid, drift found, plan refused, workspace out of scope, declined at the prompt, approval rejected',
  usage: 'the command cannot run as asked: unknown command or flag, missing argument, unreadable input file, no terminal to confirm on without `--yes`, unknown `--resume` id',
  runtime: 'something failed while running: ARM call, sign-in, network, an emulator that is not there, a failed orchestration step',
};

export function exitCodeTable(): string {
  const rows = (Object.keys(EXIT) as (keyof typeof EXIT)[]).map((name) => `| ${EXIT[name]} | \`${name}\` | ${EXIT_MEANINGS[name]} |`);
  return ['| Code | Name | Meaning |', '|---|---|---|', ...rows].join('\n');
}

if (require.main === module) {
  process.stdout.write(`${settingsTable()}\n\n${exitCodeTable()}\n`);
}
