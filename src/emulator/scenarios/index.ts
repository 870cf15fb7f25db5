/** Named seed sets: 'empty' (default), 'demo', 'scale:N'. See README.md in this folder. */
import type { EmulatorState } from '../state';
import { seedDemo } from './demo';
import { seedEmpty } from './empty';
import { seedScale } from './scale';

export function seedScenario(state: EmulatorState, scenario: string): void {
  const name = scenario.trim();
  if (name === '' || name === 'empty') return seedEmpty(state);
  if (name === 'demo') return seedDemo(state);
  const scale = /^scale:(\d+)$/.exec(name);
  if (scale !== null) return seedScale(state, Number(scale[1]), state.seed);
  throw new Error(`unknown scenario '${scenario}' (use empty, demo or scale:N)`);
}

export { DEMO_SUBSCRIPTION_1, DEMO_SUBSCRIPTION_2, DEMO_WORKSPACES, DEMO_SHARED } from './demo';
export { EMPTY_SUBSCRIPTION_ID } from './empty';
export { scaleSubscriptionId, SCALE_SUBSCRIPTIONS } from './scale';
