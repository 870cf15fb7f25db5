/**
 * Every application setting the app reads, by name. Read once at start-up and validated; a missing required
 * setting stops start-up with a message naming it. local.settings.sample.json and infra/ set each of these
 * (a test cross-checks them). The C# app's catalog (src/Mnet.Service/Configuration/SettingCatalog.cs) is the one
 * infra/ and local.settings.sample.json follow; this list mirrors its names, defaults and descriptions so the README
 * table both suites check stays one table (the TypeScript app does not read the C#-only settings it lists).
 */
import { PRIVATE_ENDPOINT_TARGET_TYPES } from '../catalog/private-endpoint-targets';

export interface SettingSpec {
  name: string;
  required: boolean;
  /** Safe default when not required. */
  defaultValue?: string;
  description: string;
  /** Value used in local.settings.sample.json. */
  sample: string;
  validate?: (value: string) => string | undefined;
  /**
   * Other settings that stand in for this one when it is absent, first present one wins; `asValue` turns the
   * alternative's value into this setting's value. E.g. identity-based host storage: in Azure the plain
   * AzureWebJobsStorage is absent and AzureWebJobsStorage__accountName is set instead.
   */
  satisfiedBy?: readonly SettingAlternative[];
}

export interface SettingAlternative {
  name: string;
  asValue: (value: string) => string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function guidList(value: string): string | undefined {
  const bad = splitList(value).filter((s) => !GUID.test(s));
  if (splitList(value).length === 0) return 'must list at least one subscription id';
  return bad.length > 0 ? `not subscription ids: ${bad.join(', ')}` : undefined;
}

function positiveNumber(value: string): string | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? undefined : 'must be a positive number';
}

/** 0 allowed (e.g. no retries); "2.5", "1e3" and "-1" are not. */
function nonNegativeInteger(value: string): string | undefined {
  return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? undefined : 'must be a whole number, 0 or more';
}

function positiveInteger(value: string): string | undefined {
  return nonNegativeInteger(value) === undefined && Number(value) > 0 ? undefined : 'must be a whole number greater than 0';
}

function httpsUrl(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' ? undefined : 'must be an https URL';
  } catch {
    return 'must be an https URL';
  }
}

/**
 * MNET_CUSTOM_APPROVER_ROLES: `<resourceType>=<roleDefinitionGuid>` pairs separated by `;` (infra writes it from the
 * custom approver roles it pre-creates). Types must be catalog private-endpoint target types the built-in approver
 * role does not cover; keys come back in the catalog's spelling, GUIDs lower-cased. Throws on any bad pair.
 */
export function parseCustomApproverRoles(value: string): Record<string, string> {
  const roles: Record<string, string> = {};
  const problems: string[] = [];
  for (const pair of value.split(';').map((p) => p.trim()).filter((p) => p.length > 0)) {
    const eq = pair.indexOf('=');
    const type = eq < 0 ? '' : pair.slice(0, eq).trim();
    const guid = eq < 0 ? '' : pair.slice(eq + 1).trim();
    const known = PRIVATE_ENDPOINT_TARGET_TYPES.find((t) => t.resourceType.toLowerCase() === type.toLowerCase());
    if (eq < 0) problems.push(`"${pair}" is not <resourceType>=<roleDefinitionGuid>`);
    else if (known === undefined) problems.push(`${type || '(empty)'} is not a private endpoint target type`);
    else if (known.approverRoleCovers) problems.push(`${known.resourceType} is covered by the built-in approver role: no custom role is used for it`);
    else if (!GUID.test(guid)) problems.push(`${guid || '(empty)'} (for ${known.resourceType}) is not a role definition GUID`);
    else if (roles[known.resourceType] !== undefined) problems.push(`${known.resourceType} is listed twice`);
    else roles[known.resourceType] = guid.toLowerCase();
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return roles;
}

function customApproverRoles(value: string): string | undefined {
  try {
    parseCustomApproverRoles(value);
    return undefined;
  } catch (e) {
    return `must be <resourceType>=<roleDefinitionGuid> pairs separated by ";": ${(e as Error).message}`;
  }
}

export function splitList(value: string): string[] {
  return value.split(/[,;\s]+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export const SETTINGS: readonly SettingSpec[] = [
  { name: 'AzureWebJobsStorage', required: true, description: 'Functions host storage: a connection string, or in Azure identity-based (AzureWebJobsStorage__accountName + __credential=managedidentity + __clientId).', sample: 'UseDevelopmentStorage=true', satisfiedBy: [{ name: 'AzureWebJobsStorage__accountName', asValue: (account) => `identity:${account}` }] },
  { name: 'FUNCTIONS_WORKER_RUNTIME', required: true, description: 'Always "dotnet-isolated" (on Flex Consumption the platform sets it from functionAppConfig.runtime).', sample: 'dotnet-isolated' },
  { name: 'MNET_TASK_HUB', required: false, defaultValue: 'mnetautopilot', description: 'Durable Functions task hub name (host.json reads it): 3-45 letters and digits, starting with a letter.', sample: 'mnetautopilotlocal' },
  { name: 'MNET_SUBSCRIPTIONS', required: true, description: 'Subscriptions the app may act on, comma-separated. Requests for any other subscription are refused.', sample: '00000000-0000-0000-0000-000000000001', validate: guidList },
  { name: 'MNET_POLICY_PATH', required: false, defaultValue: 'policies/default.yaml', description: 'Policy file the app enforces (path inside the deployed package).', sample: 'examples/policy.yaml' },
  { name: 'MNET_POLICY_DIR', required: false, defaultValue: 'policies', description: 'Folder of named policies a request may refer to by name.', sample: 'examples' },
  { name: 'MNET_ARM_ENDPOINT', required: false, defaultValue: 'https://management.azure.com', description: 'Azure Resource Manager endpoint (the emulator in local runs).', sample: 'https://127.0.0.1:8443', validate: httpsUrl },
  { name: 'MNET_ARM_CA_FILE', required: false, defaultValue: '', description: 'Extra CA certificate (PEM) to trust, for the local emulator only. Empty in Azure.', sample: '.mnet/emulator-ca.pem' },
  { name: 'AZURE_CLIENT_ID', required: false, defaultValue: '', description: 'Client id of the app\'s user-assigned managed identity.', sample: '' },
  { name: 'AZURE_TENANT_ID', required: false, defaultValue: '', description: 'Tenant the app runs in (a workspace identity from another tenant is warned about).', sample: '' },
  { name: 'MNET_ARM_WRITES_PER_SECOND', required: false, defaultValue: '5', description: 'Ceiling on ARM writes (PUT, PATCH, POST, DELETE) per second per subscription and instance; MNET_ARM_MAX_INSTANCES times it must stay within ARM\'s 10 writes/s.', sample: '5', validate: positiveNumber },
  { name: 'MNET_ARM_REQUESTS_PER_SECOND', required: false, defaultValue: '20', description: 'Ceiling on all ARM requests (reads, writes, polls) per second per subscription and instance; MNET_ARM_MAX_INSTANCES times it must stay within ARM\'s 25 reads/s.', sample: '20', validate: positiveNumber },
  { name: 'MNET_ARM_MAX_INSTANCES', required: false, defaultValue: '1', description: 'Most app instances that call ARM at once (in Azure: the Flex maximum instance count times the app\'s scale groups that call ARM); the ARM ceilings are per instance.', sample: '1', validate: positiveInteger },
  { name: 'MNET_ARM_MAX_RETRIES', required: false, defaultValue: '6', description: 'Retries of a throttled or failed ARM call (429, 5xx, reset).', sample: '6', validate: nonNegativeInteger },
  { name: 'MNET_DRIFT_SCHEDULE', required: false, defaultValue: '0 0 */6 * * *', description: 'NCRONTAB schedule (six fields) of the drift scan (default every 6 hours).', sample: '0 0 */6 * * *' },
  { name: 'MNET_SNAPSHOT_CONTAINER_URL', required: false, defaultValue: '', description: 'Blob container URL where compute snapshots are saved before deletion (Azure).', sample: '' },
  { name: 'MNET_SNAPSHOT_DIR', required: false, defaultValue: '.mnet/snapshots', description: 'Directory for compute snapshots in local runs (used when no container URL is set).', sample: '.mnet/snapshots' },
  { name: 'MNET_APPROVER_AUTH', required: false, defaultValue: 'entra', description: 'Approve/reject auth: "entra" (default: bearer token with the approver app role) or "function-key" (explicit local mode: anyone holding the key can approve).', sample: 'function-key' },
  { name: 'MNET_ENTRA_TENANT_ID', required: false, defaultValue: '', description: 'Tenant whose tokens are accepted when MNET_APPROVER_AUTH=entra.', sample: '' },
  { name: 'MNET_ENTRA_AUDIENCE', required: false, defaultValue: '', description: 'Expected token audience (the app registration\'s application id URI).', sample: '' },
  { name: 'MNET_ENTRA_APPROVER_ROLE', required: false, defaultValue: 'Mnet.Approver', description: 'App role an approver\'s token must carry.', sample: 'Mnet.Approver' },
  { name: 'MNET_MAX_BODY_BYTES', required: false, defaultValue: '262144', description: 'Largest HTTP request body accepted.', sample: '262144', validate: positiveInteger },
  { name: 'MNET_CUSTOM_APPROVER_ROLES', required: false, defaultValue: '', description: 'Custom approver roles pre-created by infra for private endpoint target types the built-in approver role does not cover: <resourceType>=<roleDefinitionGuid> pairs separated by ";". The app assigns these and never defines roles in Azure.', sample: '', validate: customApproverRoles },
  { name: 'MNET_EVENT_QUEUE', required: false, defaultValue: 'workspace-events', description: 'Storage queue Event Grid delivers workspace events to (the queue trigger reads %MNET_EVENT_QUEUE%).', sample: 'workspace-events' },
  { name: 'MNET_EVENT_QUEUE_STORAGE', required: true, description: 'Storage connection of MNET_EVENT_QUEUE: a connection string, or in Azure identity-based (MNET_EVENT_QUEUE_STORAGE__queueServiceUri + __credential=managedidentity + __clientId).', sample: 'UseDevelopmentStorage=true', satisfiedBy: [{ name: 'MNET_EVENT_QUEUE_STORAGE__queueServiceUri', asValue: (uri) => `identity:${uri}` }] },
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', required: false, defaultValue: '', description: 'Locates the Application Insights component (in Azure local auth is off, so it is no credential). Empty: no telemetry export.', sample: '' },
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', required: false, defaultValue: '', description: 'Telemetry ingestion with Entra: "Authorization=AAD", with "ClientId=<guid>" of the user-assigned identity in Azure.', sample: '' },
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type SettingName = (typeof SETTINGS)[number]['name'];

function present(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** Every setting's value (given, stood in for, or default) and every problem found, without throwing. */
export function evaluateSettings(env: Record<string, string | undefined>): { values: Record<string, string>; problems: string[] } {
  const problems: string[] = [];
  const values: Record<string, string> = {};
  for (const spec of SETTINGS) {
    const given = present(env, spec.name);
    const alternative = given === undefined ? spec.satisfiedBy?.find((alt) => present(env, alt.name) !== undefined) : undefined;
    const value = given ?? (alternative !== undefined ? alternative.asValue(present(env, alternative.name) ?? '') : undefined);
    if (value === undefined) {
      if (spec.required) {
        const or = spec.satisfiedBy?.length ? ` (or ${spec.satisfiedBy.map((a) => a.name).join(' or ')})` : '';
        problems.push(`${spec.name} is required${or}: ${spec.description}`);
      }
      values[spec.name] = spec.defaultValue ?? '';
      continue;
    }
    const problem = given !== undefined ? spec.validate?.(value) : undefined;
    if (problem) problems.push(`${spec.name} ${problem}`);
    values[spec.name] = value;
  }
  return { values, problems };
}

/** Reads and validates every setting; throws ConfigError listing all problems at once. */
export function readSettings(env: Record<string, string | undefined>): Record<string, string> {
  const { values, problems } = evaluateSettings(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}
