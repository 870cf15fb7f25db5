export { plan, planWorkspace, type PlanOptions } from './plan';
export { isInScope, isInScopeById, compileScope, compileIdScope, scopeMatcher, type ScopeVerdict, type ScopeMatcher, type IdScopeMatcher } from './scope';
export { orderSteps } from './order';
export * from './steps';
export * from './types';
