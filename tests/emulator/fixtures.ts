/** Shared set-up for the emulator conformance tests: one emulator per file, helpers that use the real REST calls. */
import assert from 'node:assert/strict';
import { startEmulator, VirtualClock, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';
import { call, ML, SUB, at, putResourceGroup, wsPath, type RawResponse } from './client';

export interface TestEmulator extends RunningEmulator {
  clock: VirtualClock;
}

export async function start(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = new VirtualClock();
  const emu = await startEmulator({ ...options, clock });
  return Object.assign(emu, { clock });
}

export interface WorkspaceOptions {
  sub?: string;
  location?: string;
  kind?: string;
  properties?: Record<string, unknown>;
  identity?: unknown;
}

/** PUT resource group + workspace, then advance the clock past the creation LRO. */
export async function createWorkspace(emu: TestEmulator, rg: string, name: string, options: WorkspaceOptions = {}): Promise<Record<string, unknown>> {
  const sub = options.sub ?? SUB;
  await putResourceGroup(emu, rg, sub, options.location ?? 'eastus');
  const res = await call(emu, 'PUT', `${wsPath(rg, name, sub)}?${ML}`, {
    body: { location: options.location ?? 'eastus', kind: options.kind ?? 'Default', identity: options.identity ?? { type: 'SystemAssigned' }, properties: options.properties ?? {} },
  });
  assert.equal(res.status, 202, res.text);
  emu.clock.advance(emu.state.settings.durations.workspaceCreate);
  const get = await call(emu, 'GET', `${wsPath(rg, name, sub)}?${ML}`);
  assert.equal(get.status, 200, get.text);
  assert.equal(at(get.body, 'properties.provisioningState'), 'Succeeded');
  return get.body as Record<string, unknown>;
}

export async function patchMode(emu: TestEmulator, rg: string, name: string, isolationMode: string, sub = SUB): Promise<RawResponse> {
  return call(emu, 'PATCH', `${wsPath(rg, name, sub)}?${ML}`, { body: { properties: { managedNetwork: { isolationMode } } } });
}

/** PUT an outbound rule and settle its LRO (duration ruleWrite). */
export async function putRule(emu: TestEmulator, rg: string, ws: string, rule: string, properties: unknown, sub = SUB): Promise<RawResponse> {
  const res = await call(emu, 'PUT', `${wsPath(rg, ws, sub)}/outboundRules/${rule}?${ML}`, { body: { properties } });
  if (res.status === 202) emu.clock.advance(emu.state.settings.durations.ruleWrite);
  return res;
}

export async function provision(emu: TestEmulator, rg: string, ws: string, includeSpark = false, sub = SUB): Promise<RawResponse> {
  return call(emu, 'POST', `${wsPath(rg, ws, sub)}/provisionManagedNetwork?${ML}`, { body: { includeSpark } });
}

export function header(res: RawResponse, name: string): string {
  const v = res.headers[name.toLowerCase()];
  assert.equal(typeof v, 'string', `missing header ${name}`);
  return v as string;
}

export function ruleStatus(ws: unknown, rule: string): unknown {
  return at(ws, `properties.managedNetwork.outboundRules.${rule}.status`);
}
