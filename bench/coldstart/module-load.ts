/**
 * Cold start of the function entry: fresh `node` processes that require dist/app.js with the required settings,
 * timed from inside (the require alone) and from outside (spawn to exit). Also which packages the load pulls in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/child';
import { median } from '../lib/stats';

export const COLD_START_RUNS = 15;

const ENV = {
  MNET_SUBSCRIPTIONS: '00000000-0000-0000-0000-000000000001',
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  FUNCTIONS_WORKER_RUNTIME: 'node',
};

/** Prints the require time and, per package under node_modules, how many of its files were loaded. */
const PROBE = `
const t = performance.now();
require('./dist/app.js');
const ms = performance.now() - t;
const packages = {};
for (const file of Object.keys(require.cache)) {
  const at = file.lastIndexOf('node_modules/');
  const name = at < 0 ? '(app)' : file.slice(at + 13).split('/').slice(0, file.slice(at + 13).startsWith('@') ? 2 : 1).join('/');
  packages[name] = (packages[name] || 0) + 1;
}
process.stdout.write(JSON.stringify({ ms, packages }));
`;

const LIBRARY_PROBE = "const t = performance.now(); require('durable-functions'); process.stdout.write(String(performance.now() - t));";

export interface ColdStart {
  runs: number;
  requireMedianMs: number;
  requireMinMs: number;
  requireMaxMs: number;
  processMedianMs: number;
  /** Bare `node -e ""`, for scale. */
  emptyProcessMedianMs: number;
  /** `require('durable-functions')` alone: the part of the load the app does not control. */
  durableFunctionsMedianMs: number;
  modulesLoaded: number;
  /** Packages loaded at start-up, most files first. */
  topPackages: { name: string; files: number }[];
}

function spawnTimed(args: string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...ENV }, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.slice(-1500)}`);
  return { ms, stdout: r.stdout };
}

export function measureColdStart(runs = COLD_START_RUNS): ColdStart {
  if (!existsSync(join(REPO_ROOT, 'dist', 'app.js'))) throw new Error('dist/app.js is missing: run npm run build first');
  spawnTimed(['-e', PROBE]); // warms the file cache, as any host that just unpacked the app has
  const inside: number[] = [];
  const outside: number[] = [];
  const empty: number[] = [];
  const library: number[] = [];
  let packages: Record<string, number> = {};
  for (let i = 0; i < runs; i += 1) {
    const probe = spawnTimed(['-e', PROBE]);
    const parsed = JSON.parse(probe.stdout) as { ms: number; packages: Record<string, number> };
    inside.push(parsed.ms);
    packages = parsed.packages;
    outside.push(spawnTimed(['-e', "require('./dist/app.js')"]).ms);
    empty.push(spawnTimed(['-e', '']).ms);
    library.push(Number(spawnTimed(['-e', LIBRARY_PROBE]).stdout));
  }
  const topPackages = Object.entries(packages)
    .map(([name, files]) => ({ name, files }))
    .sort((a, b) => b.files - a.files);
  return {
    runs,
    requireMedianMs: median(inside),
    requireMinMs: Math.min(...inside),
    requireMaxMs: Math.max(...inside),
    processMedianMs: median(outside),
    emptyProcessMedianMs: median(empty),
    durableFunctionsMedianMs: median(library),
    modulesLoaded: topPackages.reduce((n, p) => n + p.files, 0),
    topPackages,
  };
}
