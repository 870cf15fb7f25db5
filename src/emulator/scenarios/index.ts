/** Named seed sets: 'empty' (default), 'demo', 'scale:N'. */
import type { EmulatorState } from '../state';
import { seedEmpty } from './empty';

export function seedScenario(state: EmulatorState, scenario: string): void {
  const name = scenario.trim();
  if (name === '' || name === 'empty') return seedEmpty(state);
  throw new Error(`unknown scenario '${scenario}' (use empty, demo or scale:N)`);
}
