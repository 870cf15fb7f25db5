/** Rule packs: known names, mode, kinds, and the prompt_flow targets. Facts: "Scenario rule packs". */
import { RULE_PACK_NAMES, RULE_PACKS } from '../../catalog/rule-packs';
import { didYouMean } from '../suggest';
import { isApproved, type Check } from './check';
import { parseTargetId } from './resource-ids';

export const checkRulePacks: Check = (view, sink) => {
  const packs = view.rulePacks ?? [];
  const seen = new Set<string>();
  packs.forEach((name, i) => {
    const at = ['rule_packs', i];
    const pack = RULE_PACKS[name];
    if (pack === undefined) {
      sink.error(at, 'rule-pack-unknown', `unknown rule pack "${name}"${didYouMean(name, RULE_PACK_NAMES)}; known packs: ${RULE_PACK_NAMES.join(', ')}`);
      return;
    }
    if (seen.has(name)) sink.warn(at, 'rule-pack-duplicate', `rule pack "${name}" is listed twice`);
    seen.add(name);
    if (view.mode === 'disabled') return; // mode-disabled-with-rules reports it
    if (pack.rules.some((r) => r.kind === 'fqdn') && view.mode !== undefined && !isApproved(view)) {
      sink.error(at, 'rule-packs-need-approved-mode', `rule pack "${name}" adds FQDN rules, which are only valid in allow_only_approved_outbound (not ${view.mode})`);
    }
    const kinds = view.scope?.workspace_kinds ?? [];
    if (pack.kinds !== undefined && kinds.length > 0 && !kinds.some((k) => pack.kinds?.includes(k))) {
      sink.warn(at, 'rule-pack-kind', `rule pack "${name}" only applies to ${pack.kinds.join('/')} workspaces; scope.workspace_kinds (${kinds.join(', ')}) has none, so it adds nothing`);
    }
  });
  checkPromptFlowTargets(view, sink, seen);
};

function checkPromptFlowTargets(view: Parameters<Check>[0], sink: Parameters<Check>[1], listed: ReadonlySet<string>): void {
  const options = view.rulePackOptions?.prompt_flow as Record<string, string | undefined> | undefined;
  const pack = RULE_PACKS.prompt_flow;
  if (pack === undefined) return;
  if (!listed.has('prompt_flow')) {
    if (options !== undefined) {
      sink.warn(['rule_pack_options', 'prompt_flow'], 'rule-pack-options-unused', 'prompt_flow targets are given but rule_packs does not list prompt_flow');
    }
    return;
  }
  for (const rule of pack.rules) {
    if (rule.kind !== 'private_endpoint_resource_type' || rule.optionKey === undefined) continue;
    const id = options?.[rule.optionKey];
    const at = ['rule_pack_options', 'prompt_flow', rule.optionKey];
    if (id === undefined || id === '') {
      sink.error(['rule_packs', view.rulePacks?.indexOf('prompt_flow') ?? 0], 'prompt-flow-targets',
        `rule pack prompt_flow needs rule_pack_options.prompt_flow.${rule.optionKey} (the ${rule.resourceType} resource id)`);
      continue;
    }
    const parsed = parseTargetId(id);
    if ('error' in parsed) {
      sink.error(at, 'resource-id-well-formed', parsed.error);
    } else if (parsed.resourceType?.toLowerCase() !== rule.resourceType.toLowerCase()) {
      sink.error(at, 'prompt-flow-targets', `must be a ${rule.resourceType} resource id, got a ${parsed.resourceType}`);
    }
  }
}
