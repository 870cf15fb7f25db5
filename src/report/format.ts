/** Small text helpers shared by the renderers: emulated durations, times, counts. Pure. */

/** `0s`, `45s`, `12m 5s`, `1h 30m`: emulated time as a person reads it. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  return seconds > 0 ? `${minutes}m ${seconds}s` : `${minutes}m`;
}

/** Real (wall-clock) milliseconds: `850 ms`, `2.4 s`. */
export function formatRealMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `2025-01-01T00:30:00.000Z` -> `2025-01-01 00:30:00 UTC`; anything else unchanged. */
export function formatTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Short, human name of an isolation mode for badges. */
export function modeLabel(mode: string): string {
  switch (mode) {
    case 'AllowOnlyApprovedOutbound':
      return 'Approved outbound only';
    case 'AllowInternetOutbound':
      return 'Internet outbound';
    case 'Disabled':
      return 'No managed network';
    default:
      return mode;
  }
}
