/** An in-process emulator on a virtual clock, with its CA written to a temp folder (what --ca points at). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, VirtualClock, type RunningEmulator } from '../../src/emulator';

export const S1 = '00000000-0000-0000-0000-000000000001';
export const WS = (rg: string, name: string): string => `/subscriptions/${S1}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;

export interface Fixture {
  emu: RunningEmulator;
  clock: VirtualClock;
  /** --endpoint URL --ca PATH */
  target: string[];
  /** A folder for snapshots (MNET_SNAPSHOT_DIR) and other files. */
  dir: string;
  writes(): { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startFixture(scenario = 'demo'): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-cli-test-'));
  const clock = new VirtualClock();
  const emu = await startEmulator({ scenario, clock, certDir: dir });
  return {
    emu,
    clock,
    dir,
    target: ['--endpoint', emu.url, '--ca', emu.caCertPath],
    writes: () => emu.requests().filter((r) => r.method !== 'GET' && !r.path.startsWith('/_emulator') && !r.path.startsWith('/providers/Microsoft.ResourceGraph')).map((r) => ({ method: r.method, path: r.path })),
    async close() {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
