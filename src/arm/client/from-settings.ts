/**
 * The ARM client as the app configures it from its VALIDATED configuration (src/service/app-config.ts, whose
 * AppConfig satisfies ArmClientSettings): endpoint, extra CA file (emulator only; checked at start-up, read here
 * on first use), writes and requests per second, and retries. Nothing is re-parsed here. The caller owns the credential.
 */
import { readFileSync } from 'node:fs';
import type { TokenCredential } from '@azure/core-auth';
import { createArmClient, type ArmClientOptions, type ClosableArmClient } from './create-arm-client';

export interface ArmClientSettings {
  armEndpoint: string;
  /** PEM file of an extra CA to trust; '' for none. */
  armCaFile: string;
  armWritesPerSecond: number;
  /** All ARM requests per second per subscription. */
  armRequestsPerSecond: number;
  /** 0 = no retries. */
  armMaxRetries: number;
}

export type ArmClientOverrides = Partial<ArmClientOptions> & { credential: TokenCredential };

export function armClientOptionsFromSettings(settings: ArmClientSettings, overrides: ArmClientOverrides): ArmClientOptions {
  return {
    endpoint: settings.armEndpoint,
    ...(settings.armCaFile !== '' ? { caCertPem: readFileSync(settings.armCaFile, 'utf8') } : {}),
    writesPerSecond: settings.armWritesPerSecond,
    requestsPerSecond: settings.armRequestsPerSecond,
    maxRetries: settings.armMaxRetries,
    ...overrides,
  };
}

export function createArmClientFromSettings(settings: ArmClientSettings, overrides: ArmClientOverrides): ClosableArmClient {
  return createArmClient(armClientOptionsFromSettings(settings, overrides));
}
