/**
 * The shape of a policy file, checked with zod. Every object is strict (unknown keys are errors) and every
 * optional setting gets its safe default here, in one place. Semantic rules (modes, ports, targets...) live in
 * rules/*.ts; this file only says which keys exist and what type they hold.
 */
import { z } from 'zod';
import { POLICY_ISOLATION_MODE_NAMES, type PolicyIsolationMode } from '../catalog/isolation-modes';
import { WORKSPACE_KINDS } from '../catalog/prerequisites';

/** Defaults, exported for docs and tests. */
export const POLICY_DEFAULTS = {
  provisioning: { provision_now: true, include_spark: false },
  compute_migration: {
    mode: 'require_approval',
    approval_timeout_hours: 72,
    skip_unsupported: false,
    max_parallel_deletes: 10,
  },
  approver_roles: { assign: true, custom_role_for_uncovered_types: true },
  drift: { mode: 'report', max_workspaces_per_run: 25 },
} as const;

const d = POLICY_DEFAULTS;

/** az ml writes `port_ranges: 443` as a YAML number; the ARM value is always a string. */
const portRanges = z.union([z.string(), z.number()]).transform((v) => String(v));

/** Tag values in YAML may come out as numbers or booleans; tags are strings in ARM. */
const scalarString = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

const positiveInt = z.number().int().min(1);

/** An empty YAML list (`outbound_rules:` with nothing under it) is null: treat it as []. */
function listOf<T extends z.ZodType>(item: T) {
  return z.array(item).nullish().transform((v) => v ?? []);
}

/**
 * An optional section: absent or empty (`drift:` with nothing under it) means all defaults.
 * prefault, not default: zod 4 returns a `default` value as is, prefault parses it so the inner defaults apply.
 */
function section<T extends z.ZodObject>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.prefault({} as z.input<T>));
}

/** `category` appears in `az ml workspace show` output; accepted so pasted YAML loads (see rule-category-user-defined). */
export const RULE_CATEGORIES = ['user_defined', 'required', 'recommended', 'dependency'] as const;
const category = z.enum(RULE_CATEGORIES).optional();

export const FqdnRuleSchema = z.strictObject({
  name: z.string(),
  type: z.literal('fqdn'),
  destination: z.string(),
  category,
});

export const ServiceTagRuleSchema = z.strictObject({
  name: z.string(),
  type: z.literal('service_tag'),
  destination: z.strictObject({
    service_tag: z.string(),
    protocol: z.string(),
    port_ranges: portRanges,
  }),
  category,
});

export const PrivateEndpointRuleSchema = z.strictObject({
  name: z.string(),
  type: z.literal('private_endpoint'),
  destination: z.strictObject({
    service_resource_id: z.string(),
    subresource_target: z.string(),
    spark_enabled: z.boolean().default(false),
  }),
  category,
});

export const OutboundRuleSchema = z.discriminatedUnion('type', [FqdnRuleSchema, ServiceTagRuleSchema, PrivateEndpointRuleSchema]);

export const RULE_TYPE_NAMES = ['fqdn', 'service_tag', 'private_endpoint'] as const;

export const IsolationModeSchema = z.enum(POLICY_ISOLATION_MODE_NAMES as [PolicyIsolationMode, ...PolicyIsolationMode[]]);

/** Case-insensitive so the ARM spelling (`Basic`) pasted from a portal export loads too. */
export const FirewallSkuSchema = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(['standard', 'basic']));

export const ManagedNetworkSchema = z.strictObject({
  isolation_mode: IsolationModeSchema,
  firewall_sku: FirewallSkuSchema.optional(),
  outbound_rules: listOf(OutboundRuleSchema),
});

export const ScopeSchema = z.strictObject({
  subscriptions: z.array(z.string()).min(1),
  resource_groups: z.array(z.string()).default([]),
  workspace_kinds: z.array(z.enum(WORKSPACE_KINDS as [string, ...string[]])).default([]),
  tags: z.record(z.string(), scalarString).default({}),
  exclude: z.array(z.string()).default([]),
});

export const RulePackOptionsSchema = z.strictObject({
  prompt_flow: z
    .strictObject({
      ai_services_resource_id: z.string().optional(),
      ai_search_resource_id: z.string().optional(),
    })
    .optional(),
});

export const ProvisioningSchema = z.strictObject({
  provision_now: z.boolean().default(d.provisioning.provision_now),
  include_spark: z.boolean().default(d.provisioning.include_spark),
  timeout_minutes: positiveInt.optional(),
});

export const ComputeMigrationSchema = z.strictObject({
  mode: z.enum(['never', 'require_approval', 'automatic']).default(d.compute_migration.mode),
  approval_timeout_hours: positiveInt.default(d.compute_migration.approval_timeout_hours),
  skip_unsupported: z.boolean().default(d.compute_migration.skip_unsupported),
  max_parallel_deletes: positiveInt.default(d.compute_migration.max_parallel_deletes),
});

export const ApproverRolesSchema = z.strictObject({
  assign: z.boolean().default(d.approver_roles.assign),
  custom_role_for_uncovered_types: z.boolean().default(d.approver_roles.custom_role_for_uncovered_types),
});

export const DriftSchema = z.strictObject({
  mode: z.enum(['report', 'remediate']).default(d.drift.mode),
  max_workspaces_per_run: positiveInt.default(d.drift.max_workspaces_per_run),
});

/** Top-level sections, each parsable on its own (validation reports semantic problems in the valid ones). */
export const PolicySections = {
  name: z.string().min(1).optional(),
  scope: ScopeSchema,
  managed_network: ManagedNetworkSchema,
  rule_packs: listOf(z.string()),
  rule_pack_options: section(RulePackOptionsSchema),
  provisioning: section(ProvisioningSchema),
  compute_migration: section(ComputeMigrationSchema),
  approver_roles: section(ApproverRolesSchema),
  public_network_access: z.enum(['enabled', 'disabled']).optional(),
  image_build_compute: z.string().optional(),
  drift: section(DriftSchema),
};

export const PolicySchema = z.strictObject(PolicySections);
export type PolicyFileData = z.output<typeof PolicySchema>;
