/** Reads a policy file from disk. The only module of the policy language that does I/O. */
import { readFile } from 'node:fs/promises';
import { parsePolicyText } from './parse';
import type { PolicyLoadResult } from './types';

export type PolicyFileErrorReason = 'not-found' | 'is-directory' | 'unreadable';

/** The file could not be read at all (the CLI maps it to exit code 2); problems inside it are results instead. */
export class PolicyFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: PolicyFileErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyFileError';
  }
}

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

export async function loadPolicyFile(path: string): Promise<PolicyLoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') throw new PolicyFileError(path, 'not-found', `policy file not found: ${path}`);
    if (code === 'EISDIR') throw new PolicyFileError(path, 'is-directory', `policy file is a directory: ${path}`);
    throw new PolicyFileError(path, 'unreadable', `cannot read policy file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parsePolicyText(text, path);
}
