/** The policy language: load, validate, format problems, expand rule packs. */
export * from './types';
export { parsePolicyText } from './parse';
export { loadPolicyFile, PolicyFileError, type PolicyFileErrorReason } from './load';
export { validatePolicy, type ValidateOptions } from './validate';
export { formatProblem } from './format';
export { expandRulePackRules, type RulePackContext } from './expand-rule-packs';
export { POLICY_DEFAULTS } from './schema';
export { POLICY_RULES, POLICY_RULE_IDS, type PolicyRuleId } from './rule-ids';
