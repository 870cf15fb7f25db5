/**
 * Admin routes outside ARM paths (no auth), so a CLI-run emulator can be inspected and steered:
 *   GET    /_emulator/requests            recorded ARM requests     DELETE /_emulator/requests  clear them
 *   GET    /_emulator/faults              active faults
 *   POST   /_emulator/faults              body: a fault spec {method?, path | pathRegex (+flags), times?, probability?, fault}
 *                                         or {clear: true}; answers {id}
 *   DELETE /_emulator/faults              clear all faults
 *   GET    /_emulator/clock               {now, iso}
 *   POST   /_emulator/clock               body {advanceMs} | {advanceTo} | {set} (set/advanceTo need a VirtualClock)
 *   GET    /_emulator/operations          LRO records
 *   GET    /_emulator/summary             counts per collection
 */
import { ArmError } from './arm-error';
import { VirtualClock, isAdvanceable, type EmulatorClock } from './clock';
import { faultSpecFromJson, type FaultInjector } from './faults';
import { asRecord, type EmuRequest, type EmuResponse } from './http-types';
import type { RequestRecorder } from './recorder';
import type { EmulatorState } from './state';

export interface AdminDeps {
  state: EmulatorState;
  faults: FaultInjector;
  recorder: RequestRecorder;
  clock: EmulatorClock;
}

export function createAdminHandler(deps: AdminDeps): (req: EmuRequest) => EmuResponse {
  return (req) => {
    const route = `${req.method} ${req.path.replace(/^\/_emulator/, '')}`;
    switch (route) {
      case 'GET /requests':
        return { status: 200, body: { value: deps.recorder.list() } };
      case 'DELETE /requests':
        deps.recorder.clear();
        return { status: 204 };
      case 'GET /faults':
        return { status: 200, body: { value: deps.faults.list().map((f) => ({ id: f.id, fired: f.fired, ...f.spec, path: String(f.spec.path) })) } };
      case 'POST /faults': {
        const body = asRecord(req.body);
        if (body.clear === true) {
          deps.faults.clear();
          return { status: 200, body: { cleared: true } };
        }
        try {
          return { status: 201, body: { id: deps.faults.add(faultSpecFromJson(body)) } };
        } catch (err) {
          throw new ArmError(400, 'InvalidFault', err instanceof Error ? err.message : String(err));
        }
      }
      case 'DELETE /faults':
        deps.faults.clear();
        return { status: 204 };
      case 'GET /clock':
        return { status: 200, body: clockBody(deps.clock) };
      case 'POST /clock':
        return { status: 200, body: moveClock(deps.clock, asRecord(req.body)) };
      case 'GET /operations':
        return { status: 200, body: { value: deps.state.operations().map(({ spec: _spec, ...op }) => ({ ...op, completesAt: Number.isFinite(op.completesAt) ? op.completesAt : null })) } };
      case 'GET /summary': {
        const db = deps.state.db;
        return {
          status: 200,
          body: {
            subscriptions: db.subscriptions.size,
            resourceGroups: db.resourceGroups.size,
            workspaces: db.workspaces.size,
            resources: db.resources.size,
            roleAssignments: db.roleAssignments.size,
            roleDefinitions: db.roleDefinitions.size,
            locks: db.locks.size,
            ...clockBody(deps.clock),
          },
        };
      }
      default:
        throw new ArmError(404, 'NotFound', `No admin route ${route}.`);
    }
  };
}

function clockBody(clock: EmulatorClock): { now: number; iso: string } {
  const now = clock.now();
  return { now, iso: new Date(now).toISOString() };
}

function moveClock(clock: EmulatorClock, body: Record<string, unknown>): { now: number; iso: string } {
  try {
    if (typeof body.advanceMs === 'number') {
      if (!isAdvanceable(clock)) throw new Error('this clock cannot be advanced');
      clock.advance(body.advanceMs);
    } else if (typeof body.advanceTo === 'number' || typeof body.set === 'number') {
      if (!(clock instanceof VirtualClock)) throw new Error('advanceTo/set need a VirtualClock');
      if (typeof body.advanceTo === 'number') clock.advanceTo(body.advanceTo);
      else clock.set(body.set as number);
    } else {
      throw new Error('body needs advanceMs, advanceTo or set (numbers, ms)');
    }
  } catch (err) {
    throw new ArmError(400, 'InvalidClockRequest', err instanceof Error ? err.message : String(err));
  }
  return clockBody(clock);
}
