/**
 * The app's start-up configuration: every setting read once, by name, through readSettings (which lists every
 * problem), plus the cross-field rules readSettings cannot express. A bad configuration throws ConfigError
 * naming each offending setting, so the host refuses to start instead of failing on the first request.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { ConfigError, evaluateSettings, splitList } from '../config/settings';

export type ApproverAuthMode = 'function-key' | 'entra';

export interface EntraConfig {
  tenantId: string;
  /** Accepted audiences (MNET_ENTRA_AUDIENCE may list several, e.g. the app id URI and the client id). */
  audiences: string[];
  approverRole: string;
}

export interface AppConfig {
  /** Lower-cased subscription ids the app may act on; nothing else is touched, whatever a request says. */
  subscriptions: string[];
  taskHub: string;
  policyPath: string;
  policyDir: string;
  armEndpoint: string;
  armCaFile: string;
  clientId: string;
  armWritesPerSecond: number;
  armRequestsPerSecond: number;
  armMaxRetries: number;
  driftSchedule: string;
  snapshotContainerUrl: string;
  snapshotDir: string;
  approverAuth: ApproverAuthMode;
  entra?: EntraConfig;
  maxBodyBytes: number;
  /** Functions host storage: a connection string, or `identity:{account}` for identity-based connections. */
  hostStorage: string;
  /** AzureWebJobsStorage__tableServiceUri when the identity-based connection names its table endpoint. */
  hostTableServiceUri: string;
  /** Every validated setting by name (for the composition of other modules' dependencies). */
  settings: Record<string, string>;
  /**
   * The platform's managed-identity variables (IDENTITY_ENDPOINT, MSI_ENDPOINT) as found at start-up: they are
   * not app settings, but the credential needs them to tell Azure from a developer machine.
   */
  identityEnvironment: Record<string, string>;
}

const IDENTITY_ENVIRONMENT = ['IDENTITY_ENDPOINT', 'MSI_ENDPOINT'] as const;

function identityEnvironmentOf(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of IDENTITY_ENVIRONMENT) {
    const value = env[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** MNET_ARM_CA_FILE is read on the first ARM call; a missing or unreadable file must stop start-up instead. */
function caFileProblem(path: string): string | undefined {
  if (path === '') return undefined;
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile() ? undefined : `MNET_ARM_CA_FILE "${path}" is not a file`;
  } catch (error) {
    // Only the file system's answer (ENOENT, EACCES, ...) is a configuration problem; anything else is a bug.
    if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    return `MNET_ARM_CA_FILE "${path}" cannot be read (${(error as NodeJS.ErrnoException).code})`;
  }
}

export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  // Identity-based host storage (AzureWebJobsStorage__accountName) is settings.ts's business (satisfiedBy).
  const { values: settings, problems } = evaluateSettings(env);
  const get = (name: string): string => settings[name] ?? '';

  const approverAuth = get('MNET_APPROVER_AUTH');
  if (approverAuth !== 'function-key' && approverAuth !== 'entra') {
    problems.push(`MNET_APPROVER_AUTH must be "function-key" or "entra" (got "${approverAuth}")`);
  }
  let entra: EntraConfig | undefined;
  if (approverAuth === 'entra') {
    const tenantId = get('MNET_ENTRA_TENANT_ID');
    const audiences = splitList(get('MNET_ENTRA_AUDIENCE'));
    const approverRole = get('MNET_ENTRA_APPROVER_ROLE');
    if (!GUID.test(tenantId)) problems.push('MNET_ENTRA_TENANT_ID must be the tenant GUID when MNET_APPROVER_AUTH=entra');
    if (audiences.length === 0) problems.push('MNET_ENTRA_AUDIENCE is required when MNET_APPROVER_AUTH=entra');
    if (approverRole === '') problems.push('MNET_ENTRA_APPROVER_ROLE is required when MNET_APPROVER_AUTH=entra');
    entra = { tenantId: tenantId.toLowerCase(), audiences, approverRole };
  }
  const caProblem = caFileProblem(get('MNET_ARM_CA_FILE'));
  if (caProblem !== undefined) problems.push(caProblem);
  if (problems.length > 0) throw new ConfigError(problems);

  const config: AppConfig = {
    subscriptions: [...new Set(splitList(get('MNET_SUBSCRIPTIONS')).map((s) => s.toLowerCase()))],
    taskHub: get('MNET_TASK_HUB'),
    policyPath: get('MNET_POLICY_PATH'),
    policyDir: get('MNET_POLICY_DIR'),
    armEndpoint: get('MNET_ARM_ENDPOINT'),
    armCaFile: get('MNET_ARM_CA_FILE'),
    clientId: get('AZURE_CLIENT_ID'),
    armWritesPerSecond: Number(get('MNET_ARM_WRITES_PER_SECOND')),
    armRequestsPerSecond: Number(get('MNET_ARM_REQUESTS_PER_SECOND')),
    armMaxRetries: Number(get('MNET_ARM_MAX_RETRIES')),
    driftSchedule: get('MNET_DRIFT_SCHEDULE'),
    snapshotContainerUrl: get('MNET_SNAPSHOT_CONTAINER_URL'),
    snapshotDir: get('MNET_SNAPSHOT_DIR'),
    approverAuth: approverAuth === 'entra' ? 'entra' : 'function-key',
    maxBodyBytes: Number(get('MNET_MAX_BODY_BYTES')),
    hostStorage: get('AzureWebJobsStorage'),
    hostTableServiceUri: (env['AzureWebJobsStorage__tableServiceUri'] ?? '').trim(),
    settings,
    identityEnvironment: identityEnvironmentOf(env),
  };
  if (entra !== undefined) config.entra = entra;
  return config;
}

/** True when the subscription is one the app is configured to act on. */
export function isConfiguredSubscription(config: Pick<AppConfig, 'subscriptions'>, subscriptionId: string): boolean {
  return config.subscriptions.includes(subscriptionId.toLowerCase());
}
