/**
 * Progress of a long command: one line per finished step (`✔ title: summary (times)`). On a terminal the running
 * step animates a spinner with its latest status; anywhere else (CI logs, pipes) nothing is redrawn, only the
 * finished lines are written.
 */
import type { CliStream } from '../io';
import type { Style } from './style';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface StepControls {
  /** Replaces the running step's status text (shown next to the spinner on a terminal). */
  status(text: string): void;
}

export class Progress {
  private readonly animate: boolean;

  constructor(
    private readonly stream: CliStream,
    private readonly style: Style,
    options: { animate?: boolean } = {},
  ) {
    this.animate = options.animate ?? stream.isTTY === true;
  }

  line(text = ''): void {
    this.stream.write(`${text}\n`);
  }

  /** Runs `work`, then prints `✔ title: summary`; on failure `✖ title: message` and rethrows. */
  async step<T>(title: string, work: (controls: StepControls) => Promise<T>, summary: (result: T) => string): Promise<T> {
    let status = '';
    let frame = 0;
    const draw = (): void => {
      const text = `${this.style.cyan(FRAMES[frame % FRAMES.length] ?? '*')} ${title}${status ? this.style.dim(`  ${status}`) : ''}`;
      this.stream.write(`\r\u001b[2K${text}`);
      frame += 1;
    };
    const timer = this.animate ? setInterval(draw, 80) : undefined;
    if (this.animate) draw();
    const clear = (): void => {
      if (timer !== undefined) clearInterval(timer);
      if (this.animate) this.stream.write('\r\u001b[2K');
    };
    try {
      const result = await work({ status: (text) => void (status = text) });
      clear();
      const text = summary(result);
      this.line(`${this.style.green('✔')} ${title}${text ? `: ${text}` : ''}`);
      return result;
    } catch (error) {
      clear();
      this.line(`${this.style.red('✖')} ${title}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
      throw error;
    }
  }
}
