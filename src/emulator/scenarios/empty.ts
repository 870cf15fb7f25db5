/** `empty`: one subscription in one tenant and nothing else; tests create resource groups with the real PUT. */
import { DEFAULT_TENANT_ID, type EmulatorState } from '../state';

export const EMPTY_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000001';

export function seedEmpty(state: EmulatorState): void {
  state.addSubscription(EMPTY_SUBSCRIPTION_ID, DEFAULT_TENANT_ID, 'Emulator subscription 1');
}
