/**
 * `mnet demo [--out reports]`: the product end to end against the emulator's demo scenario (see src/demo), one
 * line per phase, then the final scan and the report files. Exit 0 when the final scan finds no drift.
 */
import { relative, resolve } from 'node:path';
import { runDemo } from '../../demo/run-demo';
import { formatDuration } from '../../report/format';
import { stringOption } from '../args';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { Progress } from '../output/progress';
import type { CommandDefinition } from './types';

/** Relative to the working directory when inside it (what a person typed), absolute otherwise. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

export const demoCommand: CommandDefinition = {
  name: 'demo',
  summary: 'Run the product end to end against the emulator\'s demo scenario and write reports/demo.{html,md}',
  usage: ['mnet demo [--out <dir>] [--policy <file>]'],
  options: [
    { name: 'out', value: 'dir', description: 'where demo.html and demo.md go (default reports)' },
    { name: 'policy', value: 'file', description: 'policy to enforce (default examples/demo-policy.yaml)' },
  ],
  details: [
    'Everything runs in this process: the ARM emulator on a virtual clock, the app\'s trigger handlers and its',
    'orchestrations on the local durable host. Nothing in Azure is touched.',
    'Exit codes: 0 final scan compliant, 1 drift left after the run, 2 usage error, 3 runtime failure.',
  ],
  async run({ args, io, print, style }) {
    if (args.positionals.length > 0) throw new UsageError(`demo takes no positional arguments, got "${args.positionals.join(' ')}"`);
    const outDir = resolve(stringOption(args, 'out') ?? 'reports');
    const policyPath = stringOption(args, 'policy');
    const progress = new Progress(io.stdout, style);
    print.out(style.bold('mnet-autopilot demo: the real workflows against the local ARM emulator (emulated time, no Azure)'));
    const started = Date.now();
    const result = await runDemo({ outDir, progress, ...(policyPath !== undefined ? { policyPath } : {}) });
    const after = result.report.scans.after;
    const clean = result.finalScan.drifted.length === 0 && result.finalScan.refused.length === 0;
    print.out('');
    print.out(
      style.bold(
        `Final scan: ${after?.scanned ?? 0} scanned, ${after?.inScope ?? 0} in scope, ${after?.compliant ?? 0} compliant, ` +
          `${result.finalScan.drifted.length} drifted, ${result.finalScan.refused.length} refused, ${result.finalScan.skipped.length} skipped`,
      ),
    );
    print.out(clean ? style.green('Every in-scope workspace is compliant.') : style.red('Drift is left: see the report.'));
    print.out(`Emulated ${formatDuration(result.report.emulatedMs)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    print.out(`Report: ${shown(result.files.html)}`);
    print.out(`        ${shown(result.files.markdown)}`);
    return clean ? EXIT.ok : EXIT.failed;
  },
};
