/**
 * Compute migration facts: no in-place path; managed computes are deleted and recreated.
 * Source: facts page "Compute migration".
 */
export const MIGRATABLE_COMPUTE_TYPES: readonly string[] = ['AmlCompute', 'ComputeInstance'];

/** Not supported inside a managed network at all. */
export const UNSUPPORTED_COMPUTE_TYPES: readonly string[] = ['Kubernetes', 'VirtualMachine', 'AKS'];

/** Compute types attached from other services: left alone by the migration (they hold no managed VNet resources). */
export const ATTACHED_COMPUTE_TYPES: readonly string[] = [
  'Databricks', 'HDInsight', 'DataFactory', 'DataLakeAnalytics', 'SynapseSpark',
];

/** A cluster in a region other than the workspace's is not supported in a managed network. */
export const CROSS_REGION_CLUSTER_SUPPORTED = false;

/** Image build compute must be a CPU compute cluster. */
export const IMAGE_BUILD_COMPUTE_TYPE = 'AmlCompute';

/**
 * Azure ML compute names (the image build compute is a cluster): start with a letter; letters, digits and "-".
 * Kept permissive at 2-24 characters (clusters and instances differ); ARM has the final word.
 */
export const COMPUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{1,23}$/;
