/**
 * Provisioning: serverless Spark prerequisites, timeout vs the estimate, provisioning up front.
 * Facts: "Provisioning".
 */
import { findPrivateEndpointTargetType } from '../../catalog/private-endpoint-targets';
import { estimateProvisioningMinutes, SPARK_REQUIRES_PUBLIC_ACCESS_DISABLED } from '../../catalog/provisioning';
import { tryParseResourceId } from '../../arm/resource-id';
import type { PolicyOutboundRule } from '../types';
import type { Check } from './check';
import { effectiveRulesOf } from './effective';

function isSparkStorageRule(rule: PolicyOutboundRule): boolean {
  if (rule.type !== 'private_endpoint' || !rule.destination.spark_enabled) return false;
  const type = tryParseResourceId(rule.destination.service_resource_id)?.resourceType;
  return type !== undefined && findPrivateEndpointTargetType(type)?.sparkCapable === true;
}

export const checkProvisioning: Check = (view, sink) => {
  const p = view.provisioning;
  if (p === undefined) return;
  const managed = view.mode !== undefined && view.mode !== 'disabled';
  if (p.include_spark) {
    const rules = effectiveRulesOf(view).map((e) => e.rule);
    if (view.rulesComplete && !rules.some(isSparkStorageRule)) {
      sink.error(['provisioning', 'include_spark'], 'spark-needs-pe-storage-rule',
        'include_spark needs a private_endpoint rule to a storage account with spark_enabled: true');
    }
    if (SPARK_REQUIRES_PUBLIC_ACCESS_DISABLED && view.publicNetworkAccessValid && view.publicNetworkAccess !== 'disabled') {
      const message = 'serverless Spark needs the workspace public network access disabled before provisioning, or its private endpoints may not be created in the managed network';
      if (view.publicNetworkAccess === 'enabled') {
        sink.error(['public_network_access'], 'spark-needs-public-access-disabled', `${message}; public_network_access is enabled`);
      } else {
        sink.warn(['provisioning', 'include_spark'], 'spark-needs-public-access-disabled',
          `${message}; set public_network_access: disabled (unset leaves each workspace's setting as it is)`);
      }
    }
  }
  if (managed && p.timeout_minutes !== undefined) {
    const hasFqdn = effectiveRulesOf(view).some((e) => e.rule.type === 'fqdn');
    const estimate = estimateProvisioningMinutes({ addsFirstFqdnRule: hasFqdn });
    if (p.timeout_minutes < estimate) {
      sink.warn(['provisioning', 'timeout_minutes'], 'provisioning-timeout-short',
        `timeout_minutes ${p.timeout_minutes} is below the ~${estimate} minutes provisioning takes${hasFqdn ? ' (including ~10 for the first FQDN rule)' : ''}`);
    }
  }
  if (managed && !p.provision_now) {
    sink.warn(['provisioning', 'provision_now'], 'provision-now-recommended',
      'without provisioning up front the managed network is created by the first compute, whose creation can time out; online deployments need a provisioned network');
  }
};
