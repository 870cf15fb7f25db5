/**
 * The ARM client as the app configures it from its settings (src/config/settings.ts): endpoint, extra CA file
 * (emulator only), writes per second and retries. Tests and the CLI may override anything.
 */
import { readFileSync } from 'node:fs';
import type { TokenCredential } from '@azure/core-auth';
import { createCredential } from '../credentials';
import { createArmClient, type ArmClientOptions, type ClosableArmClient } from './create-arm-client';

export interface ArmClientSettings {
  MNET_ARM_ENDPOINT?: string;
  MNET_ARM_CA_FILE?: string;
  MNET_ARM_WRITES_PER_SECOND?: string;
  MNET_ARM_MAX_RETRIES?: string;
  AZURE_CLIENT_ID?: string;
}

export function armClientOptionsFromSettings(
  settings: ArmClientSettings,
  overrides: Partial<ArmClientOptions> & { credential?: TokenCredential } = {},
): ArmClientOptions {
  const caFile = settings.MNET_ARM_CA_FILE?.trim() ?? '';
  const writes = Number(settings.MNET_ARM_WRITES_PER_SECOND ?? '');
  const retries = Number(settings.MNET_ARM_MAX_RETRIES ?? '');
  return {
    endpoint: settings.MNET_ARM_ENDPOINT?.trim() || 'https://management.azure.com',
    credential: overrides.credential ?? createCredential(settings),
    ...(caFile !== '' ? { caCertPem: readFileSync(caFile, 'utf8') } : {}),
    ...(Number.isFinite(writes) && writes > 0 ? { writesPerSecond: writes } : {}),
    ...(Number.isInteger(retries) && retries >= 0 && settings.MNET_ARM_MAX_RETRIES?.trim() ? { maxRetries: retries } : {}),
    ...overrides,
  };
}

export function createArmClientFromSettings(
  settings: ArmClientSettings,
  overrides: Partial<ArmClientOptions> & { credential?: TokenCredential } = {},
): ClosableArmClient {
  return createArmClient(armClientOptionsFromSettings(settings, overrides));
}
