import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DurableClientGateway, type DurableClientLike } from '../../src/service/durable-client-gateway';
import { LocalHostGateway, type LocalHostLike } from '../../src/service/local-host-gateway';
import { startOrGetWith, type OrchestrationStatus } from '../../src/service/orchestration-gateway';
import { HostCrashedError, InstanceNotFoundError } from '../../src/durable/local-host/errors';

/** A fake Durable client: v3 throws on the extension's 404, refuses to start a running id. */
function fakeClient() {
  const statuses = new Map<string, Record<string, unknown>>();
  const started: string[] = [];
  const raised: unknown[] = [];
  const client = {
    async startNew(name: string, options?: { instanceId?: string; input?: unknown }) {
      const id = options?.instanceId ?? 'x';
      if (statuses.get(id)?.['runtimeStatus'] === 'Running') throw new Error('An instance with ID already exists');
      started.push(id);
      statuses.set(id, { name, instanceId: id, runtimeStatus: 'Pending', input: JSON.stringify(options?.input), output: null, customStatus: null, createdTime: new Date('2025-01-01T00:00:00Z'), lastUpdatedTime: new Date('2025-01-01T00:00:00Z') });
      return id;
    },
    async getStatus(id: string) {
      const s = statuses.get(id);
      if (s === undefined) throw new Error(`DurableClient error: Durable Functions extension replied with HTTP 404 response. ${id}`);
      return s;
    },
    async raiseEvent(id: string, name: string, data: unknown) {
      raised.push({ id, name, data });
    },
  };
  return { client: client as unknown as DurableClientLike, statuses, started, raised };
}

test('durable gateway: starts when absent, returns the running instance instead of a second start', async () => {
  const f = fakeClient();
  const gw = new DurableClientGateway(f.client);
  assert.equal(await gw.getStatus('mnet-onboard-1'), undefined);
  assert.deepEqual(await gw.startOrGet('onboardWorkspace', 'mnet-onboard-1', { a: 1 }), { instanceId: 'mnet-onboard-1', started: true });
  const again = await gw.startOrGet('onboardWorkspace', 'mnet-onboard-1', { a: 2 });
  assert.equal(again.started, false);
  assert.equal(again.existing?.runtimeStatus, 'Pending');
  assert.deepEqual(again.existing?.input, { a: 1 }, 'JSON-string input is parsed');
  assert.equal(again.existing?.createdTime, '2025-01-01T00:00:00.000Z');
  assert.deepEqual(f.started, ['mnet-onboard-1']);
  f.statuses.get('mnet-onboard-1')!['runtimeStatus'] = 'Completed';
  assert.equal((await gw.startOrGet('onboardWorkspace', 'mnet-onboard-1', {})).started, true);
  await gw.raiseEvent('mnet-onboard-1', 'approval', { approved: true });
  assert.deepEqual(f.raised, [{ id: 'mnet-onboard-1', name: 'approval', data: { approved: true } }]);
});

test('durable gateway: a start that loses a race reports the winner; other errors propagate', async () => {
  const f = fakeClient();
  const gw = new DurableClientGateway(f.client);
  const original = f.client.startNew.bind(f.client);
  // Another trigger starts the id between our read and our start.
  (f.client as { startNew: unknown }).startNew = async (name: string, options?: { instanceId?: string; input?: unknown }) => {
    await original(name, options);
    f.statuses.get(options?.instanceId ?? '')!['runtimeStatus'] = 'Running';
    throw new Error('conflict');
  };
  const r = await gw.startOrGet('driftScan', 'mnet-drift-1', {});
  assert.equal(r.started, false);
  assert.equal(r.existing?.runtimeStatus, 'Running');
  (f.client as { getStatus: unknown }).getStatus = async () => {
    throw new Error('HTTP 500 from the extension');
  };
  await assert.rejects(gw.getStatus('x'), /500/);
});

test('local host gateway: same contract over LocalDurableHost', async () => {
  const instances = new Map<string, Record<string, unknown>>();
  const host: LocalHostLike = {
    startNew(name, { instanceId, input }) {
      if (instances.get(instanceId)?.['runtimeStatus'] === 'Running') throw new Error(`instance ${instanceId} is running`);
      instances.set(instanceId, { instanceId, name, runtimeStatus: 'Running', input, output: undefined, customStatus: undefined, createdTime: '2025-01-01T00:00:00.000Z', lastUpdatedTime: '2025-01-01T00:00:00.000Z' });
      return instanceId;
    },
    getStatus: (id) => instances.get(id),
    raiseEvent: () => undefined,
  };
  const gw = new LocalHostGateway(host);
  assert.equal((await gw.startOrGet('onboardWorkspace', 'a', 1)).started, true);
  assert.equal((await gw.startOrGet('onboardWorkspace', 'a', 2)).started, false);
  assert.equal((await gw.getStatus('a'))?.input, 1);
  assert.equal(await gw.getStatus('b'), undefined);
});

test('local host gateway: only "instance not found" is absence; any other host failure propagates', async () => {
  let failure: Error = new InstanceNotFoundError('gone');
  const host: LocalHostLike = {
    startNew: () => undefined,
    getStatus: () => {
      throw failure;
    },
    raiseEvent: () => undefined,
  };
  const gw = new LocalHostGateway(host);
  assert.equal(await gw.getStatus('gone'), undefined);
  failure = new HostCrashedError();
  await assert.rejects(gw.getStatus('x'), HostCrashedError);
  failure = new Error('disk full');
  await assert.rejects(gw.getStatus('x'), /disk full/);
  // Not turned into "absent, so start a new one" either.
  await assert.rejects(gw.startOrGet('onboardWorkspace', 'x', {}), /disk full/);
});

test('startOrGetWith: one protocol for both gateways (active reported, lost race reports the winner, else rethrow)', async () => {
  const status = (runtimeStatus: OrchestrationStatus['runtimeStatus']): OrchestrationStatus => ({
    instanceId: 'i', name: 'n', runtimeStatus, input: null, output: null, customStatus: null, createdTime: '', lastUpdatedTime: '',
  });
  let starts = 0;
  const start = async () => void (starts += 1);
  assert.deepEqual(await startOrGetWith('i', async () => status('Running'), start), { instanceId: 'i', started: false, existing: status('Running') });
  assert.equal(starts, 0);
  assert.deepEqual(await startOrGetWith('i', async () => status('Completed'), start), { instanceId: 'i', started: true });
  assert.equal(starts, 1);
  const reads = [undefined, status('Pending')];
  const lost = await startOrGetWith('i', async () => reads.shift(), async () => Promise.reject(new Error('exists')));
  assert.equal(lost.started, false);
  assert.equal(lost.existing?.runtimeStatus, 'Pending');
  await assert.rejects(startOrGetWith('i', async () => undefined, async () => Promise.reject(new Error('boom'))), /boom/);
});
