/**
 * `scale:N`: N workspaces spread round-robin over 50 subscriptions (ids `10000000-0000-0000-0000-0000000000NN`,
 * NN = 01..50, one tenant), 5 resource groups each, states drawn from the seeded PRNG:
 *   40% Disabled (half with one compute cluster), 25% AllowInternetOutbound (half provisioned),
 *   25% AllowOnlyApprovedOutbound provisioned with two FQDN rules, 10% approved with an unapproved PE rule.
 * No dependency resources are created (Required PE rules still appear; their targets read as public), which keeps
 * 10,000 workspaces to a few tens of MB and well under a second to seed.
 */
import { DEFAULT_TENANT_ID, type EmulatorState } from '../state';
import { seededRandom } from '../prng';
import { dependencyId, seedCompute, seedRule, seedWorkspace } from './builders';

export const SCALE_SUBSCRIPTIONS = 50;
export const SCALE_RESOURCE_GROUPS = 5;
const REGIONS = ['eastus', 'westeurope', 'westus2', 'northeurope', 'swedencentral'];

export function scaleSubscriptionId(i: number): string {
  return `10000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`;
}

export function seedScale(state: EmulatorState, count: number, seed: number): void {
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) throw new RangeError(`scale:N needs 0 <= N <= 1000000 (got ${count})`);
  const random = seededRandom(seed);
  for (let s = 0; s < SCALE_SUBSCRIPTIONS; s++) {
    const sub = scaleSubscriptionId(s);
    state.addSubscription(sub, DEFAULT_TENANT_ID, `Scale subscription ${s + 1}`);
    for (let g = 0; g < SCALE_RESOURCE_GROUPS; g++) state.addResourceGroup(sub, `rg-${g}`, REGIONS[g % REGIONS.length] as string);
  }
  for (let i = 0; i < count; i++) {
    const s = i % SCALE_SUBSCRIPTIONS;
    const sub = scaleSubscriptionId(s);
    const g = Math.floor(i / SCALE_SUBSCRIPTIONS) % SCALE_RESOURCE_GROUPS;
    const rg = `rg-${g}`;
    const location = REGIONS[g % REGIONS.length] as string;
    const name = `ws-${String(i).padStart(6, '0')}`;
    const r = random();
    const mode = r < 0.4 ? 'Disabled' : r < 0.65 ? 'AllowInternetOutbound' : 'AllowOnlyApprovedOutbound';
    const ws = seedWorkspace(state, {
      subscriptionId: sub,
      resourceGroup: rg,
      name,
      location,
      mode,
      active: mode === 'AllowOnlyApprovedOutbound' || (mode === 'AllowInternetOutbound' && random() < 0.5),
      storageAccount: dependencyId(sub, rg, 'Microsoft.Storage/storageAccounts', `st${name.replace(/-/g, '')}`),
      keyVault: dependencyId(sub, rg, 'Microsoft.KeyVault/vaults', `kv-${name}`),
      tags: { generated: 'scale' },
    });
    if (mode === 'Disabled' && random() < 0.5) {
      seedCompute(ws, { name: 'cpu-cluster', computeType: 'AmlCompute', typeProperties: { vmSize: 'STANDARD_DS3_V2', scaleSettings: { minNodeCount: 0, maxNodeCount: 2 } } });
    }
    if (mode === 'AllowOnlyApprovedOutbound') {
      seedRule(ws, 'pkg-pypi-org', { type: 'FQDN', destination: 'pypi.org' });
      seedRule(ws, 'pkg-any-pythonhosted-org', { type: 'FQDN', destination: '*.pythonhosted.org' });
      if (r > 0.9) {
        seedRule(ws, 'pe-search', {
          type: 'PrivateEndpoint',
          destination: { serviceResourceId: dependencyId(sub, 'rg-0', 'Microsoft.Search/searchServices', 'srch-shared'), subresourceTarget: 'searchService', sparkEnabled: false },
        });
      }
    }
  }
}
