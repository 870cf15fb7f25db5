/**
 * Size of the production dependencies as deployed: every package directory `npm ls --omit=dev --all` lists,
 * each counted without its nested node_modules (those are packages of their own), so nothing counts twice.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../lib/child';

export interface DependencySize {
  packages: number;
  bytes: number;
  files: number;
}

function sizeWithoutNested(dir: string, acc: { bytes: number; files: number }): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sizeWithoutNested(path, acc);
    else if (entry.isFile()) {
      acc.bytes += lstatSync(path).size;
      acc.files += 1;
    }
  }
}

export function productionDependencySize(): DependencySize {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const root = resolve(REPO_ROOT);
  const dirs = [...new Set(out.split('\n').map((l) => l.trim()).filter((l) => l !== '' && resolve(l) !== root))];
  const acc = { bytes: 0, files: 0 };
  for (const dir of dirs) sizeWithoutNested(dir, acc);
  return { packages: dirs.length, ...acc };
}
