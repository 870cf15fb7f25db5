/**
 * Compute migration facts: no in-place path; managed computes are deleted and recreated.
 * Source: facts page "Compute migration".
 */

/** Azure ML compute cluster (the only type the cross-region limit and the image build compute concern). */
export const COMPUTE_CLUSTER_TYPE = 'AmlCompute';

/** Azure ML managed computes (clusters and instances): recreated by the migration; every other type is attached. */
export const MIGRATABLE_COMPUTE_TYPES: readonly string[] = [COMPUTE_CLUSTER_TYPE, 'ComputeInstance'];

/** Not supported inside a managed network at all. */
export const UNSUPPORTED_COMPUTE_TYPES: readonly string[] = ['Kubernetes', 'VirtualMachine', 'AKS'];

/** Online deployments on these endpoint compute types run on an attached Kubernetes cluster: not supported either. */
export const UNSUPPORTED_ENDPOINT_COMPUTE_TYPES: readonly string[] = ['Kubernetes'];

/** Compute types attached from other services: left alone by the migration (they hold no managed VNet resources). */
export const ATTACHED_COMPUTE_TYPES: readonly string[] = [
  'Databricks', 'HDInsight', 'DataFactory', 'DataLakeAnalytics', 'SynapseSpark',
];

/** Every compute type the product knows (the emulator normalises the case of a type to these). */
export function knownComputeTypes(): string[] {
  return [...MIGRATABLE_COMPUTE_TYPES, ...UNSUPPORTED_COMPUTE_TYPES, ...ATTACHED_COMPUTE_TYPES];
}

/** A cluster (COMPUTE_CLUSTER_TYPE; not other computes) in a region other than the workspace's is not supported in a managed network. */
export const CROSS_REGION_CLUSTER_SUPPORTED = false;

/** Image build compute must be a CPU compute cluster. */
export const IMAGE_BUILD_COMPUTE_TYPE = COMPUTE_CLUSTER_TYPE;

/**
 * Azure ML compute names (the image build compute is a cluster): start with a letter; letters, digits and "-".
 * Kept permissive at 2-24 characters (clusters and instances differ); ARM has the final word.
 */
export const COMPUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{1,23}$/;
