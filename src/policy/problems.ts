/** Problem drafts collected during validation, before paths are formatted and positions resolved. */
export type PathSegment = string | number;
export type Severity = 'error' | 'warning';

export interface ProblemDraft {
  /** Where the problem is, as keys and indexes from the document root. */
  at: readonly PathSegment[];
  rule: string;
  message: string;
  severity: Severity;
  /** A more precise node for the line/column than `at` (e.g. the destination of a rule). */
  pointAt?: readonly PathSegment[];
  /** Point at the key rather than its value (unknown keys). */
  atKey?: boolean;
}

/** Collects every problem; validation never stops at the first. */
export class ProblemSink {
  readonly drafts: ProblemDraft[] = [];

  error(at: readonly PathSegment[], rule: string, message: string, extra: Partial<ProblemDraft> = {}): void {
    this.drafts.push({ at, rule, message, severity: 'error', ...extra });
  }

  warn(at: readonly PathSegment[], rule: string, message: string, extra: Partial<ProblemDraft> = {}): void {
    this.drafts.push({ at, rule, message, severity: 'warning', ...extra });
  }
}
