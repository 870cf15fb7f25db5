/**
 * `npm run bench`: drift at scale, migration critical path, ARM etiquette, cold start, orchestration cost.
 * Prints a table and writes docs/performance.md. Expects `npm run build` to have run (the npm script does it).
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { productionDependencySize } from './coldstart/dependency-size';
import { measureColdStart } from './coldstart/module-load';
import { runDriftSection } from './drift/section';
import { runEtiquetteSection } from './etiquette/section';
import { REPO_ROOT } from './lib/child';
import { runMigrationSection } from './migration/section';
import { consoleTable } from './report/console-table';
import { performanceMarkdown } from './report/markdown';
import type { BenchResults, Machine } from './report/results';
import { summaryRows } from './report/rows';

function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log('cold start...');
  const coldStart = measureColdStart();
  const dependencies = productionDependencySize();
  const drift = await runDriftSection(log);
  const migration = await runMigrationSection(log);
  // Both ceilings at the 25/s budget (writes and all requests never exceed it at the server), then the production
  // request ceiling (20/s, headroom for other tools) with writes still allowed up to the budget.
  const etiquette = [await runEtiquetteSection(25, 25, log), await runEtiquetteSection(25, 20, log)];
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: machine(),
    totalSeconds: (performance.now() - started) / 1000,
    drift,
    migration,
    etiquette,
    coldStart,
    dependencies,
  };
  process.stdout.write(`${consoleTable(summaryRows(results))}\n`);
  const target = join(REPO_ROOT, 'docs', 'performance.md');
  writeFileSync(target, performanceMarkdown(results));
  process.stdout.write(`\nwrote ${target} (${Math.round(results.totalSeconds)} s)\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
