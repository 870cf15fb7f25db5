/**
 * Where the CLI's ARM calls go, and with which identity:
 *  - no --endpoint: Azure (https://management.azure.com) with DefaultAzureCredential (az login, environment,
 *    managed identity...), AZURE_CLIENT_ID selecting a user-assigned identity;
 *  - --endpoint on a loopback address, or with --ca: the local emulator, with the emulator-only static token;
 *  - --endpoint elsewhere without --ca (e.g. a sovereign cloud): DefaultAzureCredential again.
 * The emulator's token is never sent anywhere else: that is why a non-loopback emulator needs --ca.
 * The credential is built on first use, so a usage error never triggers a credential probe.
 */
import { readFile } from 'node:fs/promises';
import type { TokenCredential } from '@azure/core-auth';
import { createCredential, StaticTokenCredential } from '../../arm/credentials';
import { stringOption, type ParsedArgs } from '../args';
import { UsageError } from '../errors';

export const AZURE_ENDPOINT = 'https://management.azure.com';

export interface ArmTarget {
  kind: 'azure' | 'emulator';
  /** Origin, e.g. https://127.0.0.1:8443. */
  endpoint: string;
  caCertPem?: string;
  /** Built lazily: the identity library is only loaded when Azure is the target. */
  credential(): TokenCredential;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function parseEndpoint(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--endpoint must be a URL, got "${raw}"`, 'e.g. --endpoint https://127.0.0.1:8443');
  }
  if (url.protocol !== 'https:') throw new UsageError(`--endpoint must be https (tokens never travel in clear), got "${raw}"`, '');
  return url;
}

async function readCa(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'CA certificate file not found' : 'cannot read the CA certificate file'}`, '');
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`${path}: not a PEM certificate`, '');
  return text;
}

function azureCredential(env: Readonly<Record<string, string | undefined>>): TokenCredential {
  return createCredential({ AZURE_CLIENT_ID: env['AZURE_CLIENT_ID'] ?? '' }, { ...env });
}

export async function resolveArmTarget(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): Promise<ArmTarget> {
  const endpointArg = stringOption(args, 'endpoint');
  const caPath = stringOption(args, 'ca');
  if (endpointArg === undefined) {
    if (caPath !== undefined) throw new UsageError('--ca needs --endpoint (the emulator it belongs to)');
    let credential: TokenCredential | undefined;
    return { kind: 'azure', endpoint: AZURE_ENDPOINT, credential: () => (credential ??= azureCredential(env)) };
  }
  const url = parseEndpoint(endpointArg);
  const caCertPem = caPath === undefined ? undefined : await readCa(caPath);
  const emulator = caCertPem !== undefined || LOOPBACK.has(url.hostname);
  if (!emulator) {
    let credential: TokenCredential | undefined;
    return { kind: 'azure', endpoint: url.origin, credential: () => (credential ??= azureCredential(env)) };
  }
  const credential = new StaticTokenCredential();
  return { kind: 'emulator', endpoint: url.origin, ...(caCertPem !== undefined ? { caCertPem } : {}), credential: () => credential };
}
