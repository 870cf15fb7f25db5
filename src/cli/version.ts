/** The CLI's version: package.json's, read at run time (it sits two levels above both src/cli and dist/cli). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function cliVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>)['version'] : undefined;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
