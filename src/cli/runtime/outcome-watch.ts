/**
 * Prints each step an orchestration records (its custom status' outcomes, sub-orchestrations included) once,
 * as it happens: the "one line per step" of apply / migrate.
 */
import type { StepOutcome } from '../../durable/contracts';
import type { LocalDurableHost } from '../../durable/local-host';

function outcomesOf(custom: unknown): StepOutcome[] {
  if (typeof custom !== 'object' || custom === null) return [];
  const list = (custom as Record<string, unknown>)['outcomes'];
  return Array.isArray(list) ? (list.filter((o) => typeof o === 'object' && o !== null && typeof (o as StepOutcome).stepId === 'string') as StepOutcome[]) : [];
}

export class OutcomeWatch {
  private readonly seen = new Set<string>();

  constructor(
    private readonly host: LocalDurableHost,
    private readonly onOutcome: (outcome: StepOutcome, orchestration: string) => void,
  ) {}

  async poll(): Promise<void> {
    for (const status of await this.host.listInstances()) {
      for (const outcome of outcomesOf(status.customStatus)) {
        // A parent copies its children's outcomes: the step id and status identify one event.
        const key = `${outcome.stepId}\u0000${outcome.status}\u0000${outcome.finishedAt}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        this.onOutcome(outcome, status.name);
      }
    }
  }
}

export function outcomeLine(o: StepOutcome): string {
  const mark = o.status === 'succeeded' ? '✔' : o.status === 'planned' ? '·' : o.status === 'skipped' ? '-' : '✖';
  const text = o.error ? `${o.error.code}: ${o.error.message}` : o.detail ?? '';
  return `${mark} ${o.stepId} ${o.status}${text ? `: ${text.split('\n')[0] ?? ''}` : ''}`;
}
