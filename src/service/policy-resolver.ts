/**
 * Resolves the `policy` of a request: a name of a file in MNET_POLICY_DIR (checked against a strict pattern
 * and looked up only among that folder's files, so a name can never walk out of it) or an inline object
 * validated like a file. Named files ship with the package and never change at run time: cached.
 */
import type { Policy, PolicyLoadResult, PolicyProblem } from '../policy/types';
import type { PolicyResolution, PolicyResolver } from './ports';
import type { FieldProblem } from './service-error';
import { describeType, isPlainObject } from './field-checks';

export const POLICY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface PolicySources {
  policyPath: string;
  policyDir: string;
  /** File names in a folder (not paths); empty when the folder does not exist. */
  listDir(dir: string): Promise<string[]>;
  loadFile(path: string): Promise<PolicyLoadResult>;
  validate(raw: unknown): PolicyLoadResult;
}

export class PolicyLoadError extends Error {
  constructor(readonly path: string, readonly problems: PolicyProblem[]) {
    super(`policy ${path} is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'PolicyLoadError';
  }
}

function underPolicy(problems: PolicyProblem[], prefix: string): FieldProblem[] {
  return problems.map((p) => ({ path: p.path === '' ? prefix : `${prefix}.${p.path}`, message: p.message, rule: p.rule }));
}

export class FilePolicyResolver implements PolicyResolver {
  private defaultLoad: Promise<Policy> | undefined;
  private readonly named = new Map<string, Promise<PolicyLoadResult | undefined>>();

  constructor(private readonly sources: PolicySources) {}

  defaultPolicy(): Promise<Policy> {
    this.defaultLoad ??= this.sources.loadFile(this.sources.policyPath).then((r) => {
      if (!r.ok) throw new PolicyLoadError(this.sources.policyPath, r.problems);
      return r.policy;
    });
    // A failed load is retried on the next call (the file may be fixed by a redeploy of settings).
    this.defaultLoad.catch(() => {
      this.defaultLoad = undefined;
    });
    return this.defaultLoad;
  }

  async resolve(ref: unknown): Promise<PolicyResolution> {
    if (typeof ref === 'string') return this.resolveName(ref);
    if (isPlainObject(ref)) {
      const result = this.sources.validate(ref);
      return result.ok ? result : { ok: false, problems: underPolicy(result.problems, 'policy') };
    }
    return {
      ok: false,
      problems: [{ path: 'policy', message: `must be a policy name or an inline policy object (got ${describeType(ref)})`, rule: 'type' }],
    };
  }

  private async resolveName(name: string): Promise<PolicyResolution> {
    if (!POLICY_NAME.test(name)) {
      return {
        ok: false,
        problems: [{ path: 'policy', message: 'is not a valid policy name (1-64 letters, digits, "-" or "_")', rule: 'policy-name' }],
      };
    }
    let pending = this.named.get(name);
    if (pending === undefined) {
      pending = this.loadNamed(name);
      this.named.set(name, pending);
      pending.catch(() => this.named.delete(name));
    }
    const result = await pending;
    if (result === undefined) {
      const known = await this.knownNames();
      return {
        ok: false,
        problems: [{
          path: 'policy',
          message: `unknown policy "${name}"${known.length > 0 ? `; known policies: ${known.join(', ')}` : ''}`,
          rule: 'unknown-policy',
        }],
      };
    }
    return result.ok ? result : { ok: false, problems: underPolicy(result.problems, `policy(${name})`) };
  }

  private async loadNamed(name: string): Promise<PolicyLoadResult | undefined> {
    const files = await this.sources.listDir(this.sources.policyDir);
    // Only a file actually present in the folder is opened; the name is never joined blindly into a path.
    const file = EXTENSIONS.map((ext) => `${name}${ext}`).find((candidate) => files.includes(candidate));
    if (file === undefined) return undefined;
    return this.sources.loadFile(`${this.sources.policyDir.replace(/[\\/]+$/, '')}/${file}`);
  }

  private async knownNames(): Promise<string[]> {
    const files = await this.sources.listDir(this.sources.policyDir);
    const names = files
      .filter((f) => EXTENSIONS.some((ext) => f.endsWith(ext)))
      .map((f) => f.replace(/\.(yaml|yml|json)$/, ''))
      .filter((n) => POLICY_NAME.test(n));
    return [...new Set(names)].sort().slice(0, 50);
  }
}
