/** Provisioning estimates. Source: facts page "Provisioning". */
export const PROVISIONING_ESTIMATE_MINUTES = {
  base: 30,
  firstFqdnRule: 10,
  /** Margin the orchestrator adds on top of the estimate before declaring a timeout. */
  timeoutMargin: 15,
} as const;

export function estimateProvisioningMinutes(options: { addsFirstFqdnRule: boolean }): number {
  return PROVISIONING_ESTIMATE_MINUTES.base + (options.addsFirstFqdnRule ? PROVISIONING_ESTIMATE_MINUTES.firstFqdnRule : 0);
}

/** Spark needs the workspace's public network access disabled before provisioning. */
export const SPARK_REQUIRES_PUBLIC_ACCESS_DISABLED = true;
