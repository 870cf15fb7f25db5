/** "Did you mean" suggestions for misspelt keys and values. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** Normalises case and separators so `isolationMode`, `Isolation-Mode` and `isolation_mode` compare equal. */
function squash(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}

/** The closest candidate, when it is close enough to be a plausible typo. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = squash(input);
  let best: { value: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(wanted, squash(c));
    if (best === undefined || d < best.d) best = { value: c, d };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(wanted.length, 3) / 3));
  return best.d <= limit ? best.value : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const s = suggest(input, candidates);
  return s === undefined ? '' : ` (did you mean "${s}"?)`;
}
