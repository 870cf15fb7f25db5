/** PolicySources on the deployed package's files, through the policy language's loader and validator. */
import { readdir } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { loadPolicyFile, validatePolicy } from '../policy';
import type { PolicySources } from './policy-resolver';
import { ServiceError } from './service-error';

/** Package root (src/service -> .., dist/service -> ..): relative settings are read from there, not the cwd. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

export function packagePath(path: string, root: string = PACKAGE_ROOT): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

/**
 * File names in the policy folder. Only a folder that does not exist means "no named policies"; a folder that
 * exists but cannot be read (EACCES, ENOTDIR, EMFILE, ...) is an outage (503), never an empty list.
 */
export async function listPolicyFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
    if (code === 'ENOENT') return [];
    if (code === undefined) throw error;
    throw new ServiceError('unavailable', 'Policies unavailable', `The named policies (MNET_POLICY_DIR) cannot be read (${code}); try again later.`);
  }
}

export function filePolicySources(policyPath: string, policyDir: string, root: string = PACKAGE_ROOT): PolicySources {
  return {
    policyPath: packagePath(policyPath, root),
    policyDir: packagePath(policyDir, root),
    listDir: listPolicyFiles,
    loadFile: (path) => loadPolicyFile(path),
    validate: (raw) => validatePolicy(raw, { sourceName: 'inline' }),
  };
}
