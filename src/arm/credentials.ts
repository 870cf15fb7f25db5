/**
 * Credentials for the ARM client.
 * - In Azure: the app's managed identity (user-assigned when AZURE_CLIENT_ID is set).
 * - On a developer machine against Azure: DefaultAzureCredential (environment, Azure CLI, ...).
 * - Against the LOCAL EMULATOR ONLY: StaticTokenCredential, a fixed bearer token. The emulator accepts any
 *   token; Azure rejects this one. Never configure it for a real ARM endpoint.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { ArmClientUsageError, USAGE_ERROR_CODES } from './client/usage-error';

export interface CredentialSettings {
  /** Client id of the user-assigned managed identity; empty or absent for system-assigned / developer logins. */
  AZURE_CLIENT_ID?: string;
}

/** True inside App Service / Functions, where the managed identity endpoint is published. */
export function runsInAzure(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env['IDENTITY_ENDPOINT'] || env['MSI_ENDPOINT']);
}

/**
 * @param env where IDENTITY_ENDPOINT / MSI_ENDPOINT are looked up. Required: the caller passes what it read at
 *   start-up (the app: AppConfig.identityEnvironment; the CLI: its environment), never an implicit process.env.
 */
export function createCredential(settings: CredentialSettings, env: Readonly<Record<string, string | undefined>>): TokenCredential {
  const clientId = settings.AZURE_CLIENT_ID?.trim() ?? '';
  // In Azure with a user-assigned identity, go straight to it: no probing of developer credentials.
  if (clientId !== '' && runsInAzure(env)) return new ManagedIdentityCredential({ clientId });
  return clientId !== '' ? new DefaultAzureCredential({ managedIdentityClientId: clientId }) : new DefaultAzureCredential();
}

/** A fixed bearer token, for the local ARM emulator only (see the file comment). */
export class StaticTokenCredential implements TokenCredential {
  constructor(
    private readonly token: string = 'local-emulator-token',
    private readonly lifetimeMs: number = 60 * 60 * 1000,
  ) {
    if (token.trim() === '') throw new ArmClientUsageError(USAGE_ERROR_CODES.invalidOption, 'StaticTokenCredential needs a non-empty token');
  }

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + this.lifetimeMs, tokenType: 'Bearer' };
  }
}
