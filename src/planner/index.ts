export { plan, planWorkspace, type PlanOptions } from './plan';
export { isInScope, compileScope, scopeMatcher, type ScopeVerdict, type ScopeMatcher } from './scope';
export { STEP_ORDER, orderSteps } from './order';
export * from './steps';
export * from './types';
