/** Validates a policy value (already parsed from YAML/JSON, or an inline policy from an HTTP body). */
import { formatPath } from './paths';
import { ProblemSink, type ProblemDraft } from './problems';
import { checkApproverRoles } from './rules/approval';
import type { Check } from './rules/check';
import { checkFqdnRules } from './rules/fqdn';
import { checkImageBuildCompute } from './rules/image-build';
import { checkModeRules } from './rules/mode';
import { checkRuleNames } from './rules/names';
import { checkPrivateEndpointRules } from './rules/private-endpoint';
import { checkProvisioning } from './rules/provisioning';
import { checkRulePacks } from './rules/packs';
import { checkScope } from './rules/scope';
import { checkServiceTagRules } from './rules/service-tag';
import { PolicySchema } from './schema';
import { reportSchemaIssues } from './schema-issues';
import type { Locator } from './source-positions';
import type { PolicyLoadResult, PolicyProblem } from './types';
import { buildView, toPolicy } from './view';

export interface ValidateOptions {
  /** File name (or label) for problems and the default policy name. */
  sourceName?: string;
  /** Maps paths to source positions (set by parsePolicyText). */
  locate?: Locator;
}

const CHECKS: readonly Check[] = [
  checkScope,
  checkModeRules,
  checkRuleNames,
  checkFqdnRules,
  checkServiceTagRules,
  checkPrivateEndpointRules,
  checkRulePacks,
  checkProvisioning,
  checkApproverRoles,
  checkImageBuildCompute,
];

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `policies/prod.yaml` -> `prod`. */
function nameFromSource(sourceName: string | undefined): string {
  if (sourceName === undefined || sourceName === '') return 'policy';
  const base = sourceName.split(/[\\/]/).pop() ?? sourceName;
  return base.replace(/\.(ya?ml|json)$/i, '') || base;
}

function finish(drafts: readonly ProblemDraft[], raw: unknown, options: ValidateOptions): PolicyProblem[] {
  const seen = new Set<string>();
  const out: PolicyProblem[] = [];
  for (const d of drafts) {
    const path = formatPath(d.at, raw);
    const key = `${d.severity}|${d.rule}|${path}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const problem: PolicyProblem = { path, message: d.message, rule: d.rule, severity: d.severity };
    if (options.sourceName !== undefined) problem.source = options.sourceName;
    const pos = options.locate?.(d.pointAt ?? d.at, d.atKey) ?? (options.locate ? { line: 1, column: 1 } : undefined);
    if (pos !== undefined) {
      problem.line = pos.line;
      problem.column = pos.column;
    }
    out.push(problem);
  }
  // Reading order when positions are known; otherwise the order the rules ran in.
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export function validatePolicy(raw: unknown, options: ValidateOptions = {}): PolicyLoadResult {
  const sink = new ProblemSink();
  if (!isMapping(raw)) {
    const got = raw === null || raw === undefined ? 'an empty document' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`;
    sink.error([], 'policy-not-mapping', `a policy must be a mapping with scope and managed_network, got ${got}`);
    return { ok: false, problems: finish(sink.drafts, raw, options), warnings: [] };
  }
  const parsed = PolicySchema.safeParse(raw);
  if (!parsed.success) reportSchemaIssues(parsed.error.issues, raw, sink);
  const view = buildView(raw);
  for (const check of CHECKS) check(view, sink);
  const all = finish(sink.drafts, raw, options);
  const problems = all.filter((p) => p.severity === 'error');
  const warnings = all.filter((p) => p.severity === 'warning');
  if (problems.length > 0 || !parsed.success) return { ok: false, problems, warnings };
  return { ok: true, policy: toPolicy(parsed.data, nameFromSource(options.sourceName)), warnings };
}
