/**
 * Fail fast, with one clear line, before any orchestration starts: no Azure sign-in, an emulator that is not
 * running, or one whose certificate is not trusted. Deep inside an orchestration these surface as long errors.
 */
import { RuntimeFailure } from '../errors';
import type { ArmTarget } from './target';

const TLS = /self[- ]signed|unable to (verify|get local issuer)|certificate|DEPTH_ZERO|UNABLE_TO_VERIFY/i;
const REFUSED = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|socket hang up/i;

function text(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error ? String(error.code) : '';
  return `${code} ${error.message}`;
}

/** A hint for errors whose cause is the connection or the sign-in, undefined for anything else. */
export function connectionHint(target: ArmTarget, error: unknown): string | undefined {
  const t = text(error);
  if (target.kind === 'emulator' && TLS.test(t)) return `the emulator's certificate is not trusted: pass --ca <file> (the emulator prints "ca certificate: <path>")`;
  if (target.kind === 'emulator' && REFUSED.test(t)) return `nothing answers at ${target.endpoint}: is the emulator running (mnet emulator --port ...)?`;
  if (target.kind === 'azure' && /CredentialUnavailable|AuthenticationRequired|az login|DefaultAzureCredential|AADSTS/i.test(t)) {
    return 'could not get an Azure token: run "az login" (or set AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET)';
  }
  return undefined;
}

/** Azure: a token must be obtainable (DefaultAzureCredential: az login, environment, managed identity). */
export async function checkSignIn(target: ArmTarget): Promise<void> {
  if (target.kind !== 'azure') return;
  try {
    const token = await target.credential().getToken(`${target.endpoint}/.default`);
    if (token === null) throw new Error('CredentialUnavailable: no token');
  } catch (error) {
    throw new RuntimeFailure(connectionHint(target, error) ?? `could not get an Azure token: ${(text(error).trim().split('\n')[0] ?? '').slice(0, 300)}`, { cause: error });
  }
}
