/**
 * Composition for Azure: one credential, one ARM client, one snapshot / report store, shared by the activities
 * and the HTTP / Event Grid / timer services. Everything is built on first use (getters, lazy requires), so
 * loading dist/app.js stays fast: no identity library, HTTP pipeline or YAML parser is loaded at import.
 * Hence `require` inside functions (typed with `typeof import(...)`): dynamic import() would go through the ESM loader.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { InvocationContext } from '@azure/functions';
import type { ArmClient } from '../arm/client/arm-client';
import { parseCustomApproverRoles } from '../config/settings';
import type { ActivityDependencies } from '../durable/activities/dependencies';
import type { ReportStore } from '../durable/snapshots/report-store';
import type { SnapshotStore } from '../durable/snapshots/snapshot-store';
import type { AppConfig } from './app-config';
import type { AppServices } from './app-services';
import type { OrchestrationGateway } from './orchestration-gateway';
import type { TicketIndex } from './ticket-index';

type CredentialsModule = typeof import('../arm/credentials');
type ArmFromSettingsModule = typeof import('../arm/client/from-settings');
type SnapshotsModule = typeof import('../durable/snapshots');

export class AzureResources {
  private cachedCredential: TokenCredential | undefined;
  private cachedArm: ArmClient | undefined;
  private cachedSnapshots: SnapshotStore | undefined;
  private cachedReports: ReportStore | undefined;

  constructor(private readonly config: AppConfig) {}

  /** The app's identity; @azure/identity is loaded on the first token request. */
  get credential(): TokenCredential {
    if (this.cachedCredential === undefined) {
      let real: TokenCredential | undefined;
      const { clientId, identityEnvironment } = this.config;
      this.cachedCredential = {
        getToken: (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
          real ??= (require('../arm/credentials') as CredentialsModule).createCredential({ AZURE_CLIENT_ID: clientId }, identityEnvironment);
          return real.getToken(scopes, options);
        },
      };
    }
    return this.cachedCredential;
  }

  get arm(): ArmClient {
    this.cachedArm ??= (require('../arm/client/from-settings') as ArmFromSettingsModule).createArmClientFromSettings(this.config, {
      credential: this.credential,
    });
    return this.cachedArm;
  }

  /** Blob container in Azure (MNET_SNAPSHOT_CONTAINER_URL), else a folder (local runs). */
  get snapshots(): SnapshotStore {
    if (this.cachedSnapshots === undefined) {
      const m = require('../durable/snapshots') as SnapshotsModule;
      const { packagePath } = require('./policy-sources') as typeof import('./policy-sources');
      this.cachedSnapshots = this.config.snapshotContainerUrl !== ''
        ? new m.BlobSnapshotStore(this.config.snapshotContainerUrl, this.credential)
        : new m.FileSnapshotStore(packagePath(this.config.snapshotDir));
    }
    return this.cachedSnapshots;
  }

  get reports(): ReportStore {
    this.cachedReports ??= new (require('../durable/snapshots') as SnapshotsModule).JsonReportStore(this.snapshots);
    return this.cachedReports;
  }

  /** For setActivityDependencies at start-up: members resolve on first access by an activity. */
  activityDependencies(): ActivityDependencies {
    const self = this;
    return {
      get arm() {
        return self.arm;
      },
      get snapshots() {
        return self.snapshots;
      },
      get reports() {
        return self.reports;
      },
      // Infra pre-creates the custom approver roles; the app never defines roles (allowRoleDefinitionWrites unset).
      customApproverRoles: parseCustomApproverRoles(self.config.settings['MNET_CUSTOM_APPROVER_ROLES'] ?? ''),
    };
  }
}

/** Ticket index in the host storage account's table service; in memory when none is usable (logged). */
export function createTicketIndex(config: AppConfig, credential: TokenCredential, warn: (message: string) => void): TicketIndex {
  const { parseTableConnection, bearerAuthorizer, sharedKeyLiteAuthorizer } = require('./storage-connection') as typeof import('./storage-connection');
  const { TableTicketIndex } = require('./table-ticket-index') as typeof import('./table-ticket-index');
  const { InMemoryTicketIndex } = require('./ticket-index') as typeof import('./ticket-index');
  const connection = parseTableConnection(config.hostStorage);
  const table = `mnettickets${config.taskHub.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 63);
  if (connection === undefined) {
    warn('ticket index: AzureWebJobsStorage is not a storage account connection; ticket ids are remembered in memory only');
    return new InMemoryTicketIndex();
  }
  const endpoint = connection.kind === 'identity' && config.hostTableServiceUri !== '' ? config.hostTableServiceUri : connection.endpoint;
  const authorize = connection.kind === 'identity' ? bearerAuthorizer(credential) : sharedKeyLiteAuthorizer(connection.account, connection.key);
  return new TableTicketIndex({ endpoint, table, authorize });
}

export function createAzureAppServices(
  config: AppConfig,
  resources: AzureResources,
  gatewayFor: (context: InvocationContext) => OrchestrationGateway,
): AppServices {
  const { FilePolicyResolver } = require('./policy-resolver') as typeof import('./policy-resolver');
  const { filePolicySources } = require('./policy-sources') as typeof import('./policy-sources');
  const { armWorkspacePlanning } = require('./workspace-planning') as typeof import('./workspace-planning');
  const approver = require('../http/approver-auth') as typeof import('../http/approver-auth');
  const jwks = require('../http/jwks') as typeof import('../http/jwks');
  const approverAuth = config.entra !== undefined
    ? approver.entraApproverAuth({
        tenantId: config.entra.tenantId,
        audiences: config.entra.audiences,
        requiredRole: config.entra.approverRole,
        jwks: new jwks.CachedJwksProvider({ url: jwks.entraJwksUrl(config.entra.tenantId), fetchJson: jwks.fetchJsonOverHttps }),
      })
    : approver.functionKeyApproverAuth();
  const reports = resources.reports;
  return {
    config,
    gatewayFor,
    tickets: createTicketIndex(config, resources.credential, (m) => console.warn(m)),
    policies: new FilePolicyResolver(filePolicySources(config.policyPath, config.policyDir)),
    planning: armWorkspacePlanning({ subscriptions: config.subscriptions }),
    driftReports: { latest: () => reports.latestDriftReport() },
    approverAuth,
    now: () => new Date(),
  };
}
