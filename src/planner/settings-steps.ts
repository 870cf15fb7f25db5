/**
 * Workspace settings the policy may pin: public network access, firewall SKU, image build compute.
 * A setting the policy leaves unset is left alone.
 */
import type { ComputeResource, FirewallSku, IsolationMode, PublicNetworkAccess, Workspace } from '../arm/types';
import { IMAGE_BUILD_COMPUTE_TYPE } from '../catalog/compute-migration';
import { DEFAULT_FIREWALL_SKU, FIREWALL_SKUS } from '../catalog/outbound-rules';
import type { Policy } from '../policy/types';
import { flags, stepId } from './steps';
import { emptyPartial, type PartialPlan } from './types';

/** ARM leaves publicNetworkAccess out when it was never set; the service default is Enabled. */
export function effectivePublicNetworkAccess(workspace: Workspace, policy: Policy): PublicNetworkAccess {
  if (policy.public_network_access === 'disabled') return 'Disabled';
  if (policy.public_network_access === 'enabled') return 'Enabled';
  return workspace.properties.publicNetworkAccess ?? 'Enabled';
}

export function planPublicNetworkAccess(workspace: Workspace, policy: Policy): PartialPlan {
  const out = emptyPartial();
  if (policy.public_network_access === undefined) return out;
  const to: PublicNetworkAccess = policy.public_network_access === 'disabled' ? 'Disabled' : 'Enabled';
  const from = workspace.properties.publicNetworkAccess;
  if ((from ?? 'Enabled') === to) return out;
  const step = {
    id: stepId('set-public-network-access'),
    kind: 'set-public-network-access' as const,
    target: workspace.id,
    reason: `public network access is ${from ?? 'Enabled (default)'}; the policy requires ${to}`,
    // Disabling cuts off users who reach the studio or APIs from the internet.
    flags: flags({ disruptive: to === 'Disabled' }),
    params: from === undefined ? { to } : { from, to },
  };
  out.steps.push(step);
  return out;
}

/** The SKU the firewall has or will get: policy, else the workspace's, else the default. */
export function effectiveFirewallSku(workspace: Workspace, policy: Policy): FirewallSku {
  const wanted = policy.managed_network.firewall_sku;
  if (wanted !== undefined) return FIREWALL_SKUS[wanted];
  return workspace.properties.managedNetwork?.firewallSku ?? DEFAULT_FIREWALL_SKU;
}

export function planFirewallSku(workspace: Workspace, policy: Policy, desiredMode: IsolationMode): PartialPlan {
  const out = emptyPartial();
  const wanted = policy.managed_network.firewall_sku;
  // The firewall only exists in approved-outbound mode (it serves FQDN rules).
  if (wanted === undefined || desiredMode !== 'AllowOnlyApprovedOutbound') return out;
  const to = FIREWALL_SKUS[wanted];
  const from = workspace.properties.managedNetwork?.firewallSku;
  if ((from ?? DEFAULT_FIREWALL_SKU) === to) return out;
  out.steps.push({
    id: stepId('set-firewall-sku'),
    kind: 'set-firewall-sku',
    target: workspace.id,
    reason: `firewall SKU is ${from ?? `${DEFAULT_FIREWALL_SKU} (default)`}; the policy requires ${to}`,
    flags: flags({ costly: to === 'Standard' }),
    params: from === undefined ? { to } : { from, to },
  });
  return out;
}

export function planImageBuildCompute(
  workspace: Workspace,
  policy: Policy,
  computes: readonly ComputeResource[] | undefined,
): PartialPlan {
  const out = emptyPartial();
  const to = policy.image_build_compute;
  if (to === undefined) return out;
  const from = workspace.properties.imageBuildCompute;
  if ((from ?? '') === to) return out;
  const id = stepId('set-image-build-compute');
  out.steps.push({
    id,
    kind: 'set-image-build-compute',
    target: workspace.id,
    reason: to === '' ? `image build compute is "${from}"; the policy resets it to none` : `image build compute is ${from ? `"${from}"` : 'unset'}; the policy requires "${to}"`,
    flags: flags({}),
    params: from === undefined ? { to } : { from, to },
  });
  if (to !== '' && computes !== undefined) {
    const compute = computes.find((c) => c.name.toLowerCase() === to.toLowerCase());
    if (compute === undefined) {
      out.warnings.push({ code: 'image-build-compute-missing', stepId: id, message: `Image build compute "${to}" does not exist in the workspace.` });
    } else if (compute.properties.computeType !== IMAGE_BUILD_COMPUTE_TYPE) {
      out.warnings.push({
        code: 'image-build-compute-type',
        stepId: id,
        message: `Image build compute "${to}" is a ${compute.properties.computeType}; it must be a CPU compute cluster (${IMAGE_BUILD_COMPUTE_TYPE}).`,
      });
    }
  }
  return out;
}
