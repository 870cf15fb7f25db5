/** Colors shared by the HTML page and its SVG diagrams (one palette, readable in print). */
import type { Tone } from './rule-groups';

export const TONE_COLORS: Readonly<Record<Tone, { fg: string; bg: string }>> = {
  good: { fg: '#166534', bg: '#dcfce7' },
  idle: { fg: '#374151', bg: '#e5e7eb' },
  busy: { fg: '#92400e', bg: '#fef3c7' },
  bad: { fg: '#991b1b', bg: '#fee2e2' },
};

/** Badge color of an isolation mode: approved outbound is the goal, internet outbound half-way, none grey. */
export function modeColor(mode: string): string {
  switch (mode) {
    case 'AllowOnlyApprovedOutbound':
      return '#0f766e';
    case 'AllowInternetOutbound':
      return '#b45309';
    default:
      return '#6b7280';
  }
}
