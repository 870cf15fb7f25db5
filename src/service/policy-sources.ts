/** PolicySources on the deployed package's files, through the policy language's loader and validator. */
import { readdir } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { loadPolicyFile, validatePolicy } from '../policy';
import type { PolicySources } from './policy-resolver';

/** Package root (src/service -> .., dist/service -> ..): relative settings are read from there, not the cwd. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

export function packagePath(path: string, root: string = PACKAGE_ROOT): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

export function filePolicySources(policyPath: string, policyDir: string, root: string = PACKAGE_ROOT): PolicySources {
  return {
    policyPath: packagePath(policyPath, root),
    policyDir: packagePath(policyDir, root),
    async listDir(dir) {
      try {
        return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
      } catch {
        return [];
      }
    },
    loadFile: (path) => loadPolicyFile(path),
    validate: (raw) => validatePolicy(raw, { sourceName: 'inline' }),
  };
}
