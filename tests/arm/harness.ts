/**
 * Starts the local ARM emulator on a virtual clock and an ArmClient pointed at it the production way (endpoint,
 * trusted CA, bearer token policy). `sleep` records each delay and advances the emulator clock instead of waiting.
 *
 * The ceiling on ALL requests is off by default (requestsPerSecond 0, as in tests/support/test-rig.ts): the virtual
 * clock only moves when the client sleeps, so with it on every request after the first would wait the pacing
 * spacing, and tests asserting exact retry and polling delays would see budget waits mixed in. Tests of the budget
 * pass `client: { requestsPerSecond }`; the write ceiling keeps the client default unless a test sets it.
 */
import type { AccessToken } from '@azure/core-auth';
import { startEmulator, VirtualClock, type RunningEmulator } from '../../src/emulator';
import { createArmClient, type ArmClientOptions, type ClosableArmClient } from '../../src/arm/client';
import type { RequestInfo } from '../../src/arm/client/retry-policy';
import { StaticTokenCredential } from '../../src/arm/credentials';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const RG = 'rg-client';
export const WS_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/ws1`;

export interface Harness {
  emu: RunningEmulator;
  clock: VirtualClock;
  client: ClosableArmClient;
  /** Every delay the client slept (retries, write ceiling, LRO polling). */
  delays: number[];
  /** Every HTTP attempt the client reported through onRequest. */
  attempts: RequestInfo[];
  tokenRequests: () => number;
  close(): Promise<void>;
}

class CountingCredential extends StaticTokenCredential {
  calls = 0;
  override async getToken(): Promise<AccessToken> {
    this.calls += 1;
    return super.getToken();
  }
}

export async function startHarness(
  options: { scenario?: string; client?: Partial<ArmClientOptions>; emulator?: Parameters<typeof startEmulator>[0] } = {},
): Promise<Harness> {
  const clock = new VirtualClock();
  const emu = await startEmulator({ scenario: options.scenario ?? 'empty', clock, retryAfterSeconds: 5, ...options.emulator });
  const delays: number[] = [];
  const attempts: RequestInfo[] = [];
  const credential = new CountingCredential();
  const client = createArmClient({
    endpoint: emu.url,
    credential,
    caCertPem: emu.caCertPem,
    sleep: async (ms) => {
      delays.push(ms);
      clock.advance(ms);
    },
    now: () => clock.now(),
    random: () => 0.5,
    onRequest: (info) => attempts.push(info),
    requestsPerSecond: 0,
    ...options.client,
  });
  return {
    emu,
    clock,
    client,
    delays,
    attempts,
    tokenRequests: () => credential.calls,
    async close() {
      client.close();
      await emu.close();
    },
  };
}

/** Creates the resource group and a workspace through the client (the emulator's `empty` scenario has none). */
export async function seedWorkspace(h: Harness, properties: Record<string, unknown> = {}): Promise<void> {
  await h.client.createResourceGroup(SUB, RG, { location: 'westeurope' });
  await h.client.createWorkspaceAndWait(WS_ID, {
    location: 'westeurope',
    tags: { team: 'research' },
    properties: { friendlyName: 'Workspace one', description: 'seeded by the client tests', ...properties },
  });
}

/** A request sent around the client (as a person or another tool would), e.g. to set up a conflicting grant. */
export async function rawArmRequest(h: Harness, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(`${h.emu.url}${path}`, { method, ca: h.emu.caCertPem, headers: { authorization: 'Bearer someone-else', 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
