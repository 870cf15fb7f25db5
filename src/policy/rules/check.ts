/** What every semantic rule looks like, and small helpers they share. */
import { ISOLATION_MODES } from '../../catalog/isolation-modes';
import type { PathSegment, ProblemSink } from '../problems';
import type { PolicyView } from '../view';

export type Check = (view: PolicyView, sink: ProblemSink) => void;

export function rulePath(index: number, ...rest: PathSegment[]): PathSegment[] {
  return ['managed_network', 'outbound_rules', index, ...rest];
}

export function isApproved(view: PolicyView): boolean {
  return view.mode === 'allow_only_approved_outbound';
}

export function armMode(view: PolicyView) {
  return view.mode === undefined ? undefined : ISOLATION_MODES[view.mode];
}
