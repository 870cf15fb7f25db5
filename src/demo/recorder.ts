/**
 * What the demo records while it runs: phases with their emulated and real durations, and per workspace what
 * the product said about it (plans, warnings, approvals, notes). The report is built from this plus the
 * orchestrations' own records and a final read through ARM (see build-report.ts).
 */
import type { PhaseView, ScanView, StepView } from '../report/model';

export interface WorkspaceNotes {
  plannedSteps: string[];
  warnings: string[];
  notes: string[];
  /** Actions the demo took as a client (approvals), with the times the HTTP responses carried. */
  actions: StepView[];
}

/** Progress display the demo reports to (the CLI's Progress; tests pass a silent one). */
export interface DemoProgress {
  step<T>(title: string, work: (controls: { status(text: string): void }) => Promise<T>, summary: (result: T) => string): Promise<T>;
}

export const silentProgress: DemoProgress = {
  step: async (_title, work) => work({ status: () => undefined }),
};

export class DemoRecorder {
  readonly phases: PhaseView[] = [];
  readonly scans: { before?: ScanView; after?: ScanView } = {};
  readonly warnings: string[] = [];
  private readonly byWorkspace = new Map<string, WorkspaceNotes>();

  constructor(
    private readonly emulatedNow: () => number,
    private readonly realNow: () => number,
    private readonly progress: DemoProgress,
  ) {}

  workspace(workspaceId: string): WorkspaceNotes {
    const key = workspaceId.toLowerCase();
    let notes = this.byWorkspace.get(key);
    if (notes === undefined) {
      notes = { plannedSteps: [], warnings: [], notes: [], actions: [] };
      this.byWorkspace.set(key, notes);
    }
    return notes;
  }

  /** Runs one phase: shown as one progress line, recorded with its times and the lines `work` adds. */
  async phase<T>(id: string, title: string, work: (lines: string[], status: (text: string) => void) => Promise<T>, summary: (result: T, lines: string[]) => string): Promise<T> {
    const lines: string[] = [];
    const startedAt = this.emulatedNow();
    const realStart = this.realNow();
    const record = (status: PhaseView['status']): void => {
      const finishedAt = this.emulatedNow();
      this.phases.push({
        id,
        title,
        status,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date(finishedAt).toISOString(),
        durationMs: finishedAt - startedAt,
        realMs: this.realNow() - realStart,
        lines,
      });
    };
    try {
      const result = await this.progress.step(
        title,
        (controls) => work(lines, (text) => controls.status(text)),
        (r) => summary(r, lines),
      );
      record('ok');
      return result;
    } catch (error) {
      lines.push(`failed: ${error instanceof Error ? error.message : String(error)}`);
      record('failed');
      throw error;
    }
  }
}
