/**
 * Drift at scale: the scale:10000 emulator runs in THIS process; each strategy scans it from a child process.
 * Both strategies run in the same benchmark run, against the same emulator, so their ratio is fair.
 */
import { startEmulator } from '../../src/emulator';
import { runChild } from '../lib/child';
import type { ScanResult } from './scan-child';

export const DRIFT_WORKSPACES = 10_000;

export interface DriftSection {
  graph: ScanResult;
  naive: ScanResult;
  /** Requests the emulator itself counted for each strategy (cross-check of the client's count). */
  emulatorRequests: { graph: number; naive: number };
}

export async function runDriftSection(log: (line: string) => void): Promise<DriftSection> {
  const emu = await startEmulator({ scenario: `scale:${DRIFT_WORKSPACES}` });
  try {
    const scan = async (strategy: 'graph' | 'naive'): Promise<{ result: ScanResult; counted: number }> => {
      emu.clearRequests();
      log(`drift: ${strategy} scan of ${DRIFT_WORKSPACES} workspaces...`);
      const result = (await runChild('bench/drift/scan-child.ts', [strategy, emu.url, emu.caCertPath])) as ScanResult;
      return { result, counted: emu.requests().length };
    };
    const graph = await scan('graph');
    const naive = await scan('naive');
    return { graph: graph.result, naive: naive.result, emulatorRequests: { graph: graph.counted, naive: naive.counted } };
  } finally {
    await emu.close();
  }
}
