/**
 * Manual provisioning of the managed network. The service creates the network lazily on the first compute,
 * which can then time out; provisioning explicitly (policy provisioning.provision_now) avoids that, and is
 * needed anyway before migrated computes are recreated.
 */
import type { IsolationMode, PublicNetworkAccess, Workspace } from '../arm/types';
import { findPrivateEndpointTargetType } from '../catalog/private-endpoint-targets';
import { estimateProvisioningMinutes, PROVISIONING_ESTIMATE_MINUTES, SPARK_REQUIRES_PUBLIC_ACCESS_DISABLED } from '../catalog/provisioning';
import type { PolicyProvisioning } from '../policy/types';
import type { DesiredRule } from './desired-rule-set';
import { parseIdCached } from './resource-ids';
import { flags, stepId } from './steps';
import { emptyPartial, type PartialPlan } from './types';
import { actualIsolationMode, isManaged } from './workspace-facts';

export interface ProvisionInput {
  workspace: Workspace;
  desiredMode: IsolationMode;
  provisioning: PolicyProvisioning;
  addsFirstFqdnRule: boolean;
  /** The plan migrates computes: they can only be recreated inside a provisioned network. */
  migratesComputes: boolean;
  desiredRules: readonly DesiredRule[];
  publicNetworkAccessAfterPlan: PublicNetworkAccess;
}

function isSparkStorageRule({ rule }: DesiredRule): boolean {
  if (rule.type !== 'PrivateEndpoint' || rule.destination.sparkEnabled !== true) return false;
  const type = parseIdCached(rule.destination.serviceResourceId)?.resourceType;
  return type !== undefined && findPrivateEndpointTargetType(type)?.sparkCapable === true;
}

export function planProvisioning(input: ProvisionInput): PartialPlan {
  const out = emptyPartial();
  if (!isManaged(input.desiredMode)) return out;
  const network = input.workspace.properties.managedNetwork;
  const modeChanges = actualIsolationMode(input.workspace) !== input.desiredMode;
  const active = !modeChanges && network?.status?.status === 'Active';
  const includeSpark = input.provisioning.include_spark;
  const sparkMissing = includeSpark && network?.status?.sparkReady !== true;

  const why: string[] = [];
  if (modeChanges) why.push(`the isolation mode becomes ${input.desiredMode}`);
  else if (!active) why.push('the managed network is not provisioned');
  if (input.addsFirstFqdnRule) why.push('the first FQDN rule creates the Azure Firewall');
  if (sparkMissing && active) why.push('serverless Spark is not ready');
  if (why.length === 0) return out;

  if (!input.provisioning.provision_now && !input.migratesComputes) {
    out.warnings.push({
      code: 'network-provisioned-lazily',
      message:
        'provisioning.provision_now is off: the service provisions the managed network on the first compute, ' +
        'whose creation can then time out.',
    });
    return out;
  }

  const estimatedMinutes = estimateProvisioningMinutes({ addsFirstFqdnRule: input.addsFirstFqdnRule });
  const timeoutMinutes = input.provisioning.timeout_minutes ?? estimatedMinutes + PROVISIONING_ESTIMATE_MINUTES.timeoutMargin;
  const id = stepId('provision-network');
  out.steps.push({
    id,
    kind: 'provision-network',
    target: input.workspace.id,
    reason: `provision the managed network${includeSpark ? ' with serverless Spark' : ''}: ${why.join('; ')}`,
    flags: flags({ costly: true }),
    params: { includeSpark, addsFirstFqdnRule: input.addsFirstFqdnRule, estimatedMinutes, timeoutMinutes },
    estimatedMinutes,
  });
  out.warnings.push({
    code: 'provisioning-cost',
    stepId: id,
    message: `Charges begin once the managed network is provisioned (private endpoints${input.addsFirstFqdnRule ? ', Azure Firewall' : ''}); about ${estimatedMinutes} minutes.`,
  });
  if (includeSpark && SPARK_REQUIRES_PUBLIC_ACCESS_DISABLED && input.publicNetworkAccessAfterPlan !== 'Disabled') {
    out.warnings.push({
      code: 'spark-public-access',
      stepId: id,
      message:
        'Serverless Spark needs the workspace public network access disabled before provisioning, or its private ' +
        'endpoints may not be created in the managed network; set public_network_access: disabled.',
    });
  }
  if (includeSpark && !input.desiredRules.some(isSparkStorageRule)) {
    out.warnings.push({
      code: 'spark-without-storage-rule',
      stepId: id,
      message: 'provisioning.include_spark needs a private endpoint rule to a storage account with spark_enabled: true.',
    });
  }
  return out;
}
