import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { BlobSnapshotStore } from '../../../src/durable/snapshots/blob-snapshot-store';
import { BlobRequestError, parseListBlobs } from '../../../src/durable/snapshots/blob-rest';
import { BlobReportStore } from '../../../src/durable/snapshots/report-store';

const CONTAINER = 'https://acct.blob.core.windows.net/snapshots';

class FakeCredential implements TokenCredential {
  scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: 'tok-123', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

interface Seen {
  method: string;
  url: URL;
  headers: Record<string, string>;
}

/** An in-memory container speaking the three Blob REST calls; paginates List Blobs two names per page. */
function fakeBlobService(options: { failWith?: number } = {}): { client: HttpClient; blobs: Map<string, string>; seen: Seen[] } {
  const blobs = new Map<string, string>();
  const seen: Seen[] = [];
  const client: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const url = new URL(request.url);
      seen.push({ method: request.method, url, headers: request.headers.toJSON() });
      const reply = (status: number, body = '', headers: Record<string, string> = {}): PipelineResponse => ({
        request,
        status,
        headers: createHttpHeaders(headers),
        bodyAsText: body,
      });
      if (options.failWith) return reply(options.failWith, '<Error><Code>AuthorizationFailure</Code></Error>');
      const container = '/snapshots';
      if (url.pathname === container && url.searchParams.get('comp') === 'list') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const names = [...blobs.keys()].filter((n) => n.startsWith(prefix)).sort();
        const start = Number(url.searchParams.get('marker') ?? '0');
        const page = names.slice(start, start + 2);
        const next = start + 2 < names.length ? `<NextMarker>${start + 2}</NextMarker>` : '<NextMarker />';
        const xml = `<?xml version="1.0"?><EnumerationResults><Blobs>${page
          .map((n) => `<Blob><Name>${n.replace(/&/g, '&amp;')}</Name><Properties /></Blob>`)
          .join('')}</Blobs>${next}</EnumerationResults>`;
        return reply(200, xml);
      }
      const name = decodeURIComponent(url.pathname.slice(container.length + 1));
      if (request.method === 'PUT') {
        // Like the service: If-None-Match: * on an existing blob is refused with 409 BlobAlreadyExists.
        if (request.headers.get('if-none-match') === '*' && blobs.has(name)) return reply(409, '', { 'x-ms-error-code': 'BlobAlreadyExists' });
        blobs.set(name, String(request.body));
        return reply(201);
      }
      if (request.method === 'GET') {
        const body = blobs.get(name);
        return body === undefined ? reply(404, '', { 'x-ms-error-code': 'BlobNotFound' }) : reply(200, body);
      }
      return reply(405);
    },
  };
  return { client, blobs, seen };
}

test('blob store: Put Blob carries the block-blob type, the API version and a Storage bearer token', async () => {
  const fake = fakeBlobService();
  const credential = new FakeCredential();
  const store = new BlobSnapshotStore(CONTAINER, credential, { httpClient: fake.client, maxRetries: 0 });
  await store.put('ws/m1/compute-c1.json', { definition: { name: 'c1' } });
  const put = fake.seen.find((s) => s.method === 'PUT');
  assert.ok(put);
  assert.equal(put.url.toString(), `${CONTAINER}/ws/m1/compute-c1.json`);
  assert.equal(put.headers['x-ms-blob-type'], 'BlockBlob');
  assert.equal(put.headers['x-ms-version'], '2023-11-03');
  assert.equal(put.headers['authorization'], 'Bearer tok-123');
  assert.deepEqual(credential.scopes, ['https://storage.azure.com/.default']);
  assert.deepEqual(JSON.parse(fake.blobs.get('ws/m1/compute-c1.json') ?? ''), { definition: { name: 'c1' } });
});

test('blob store: get returns the document, or undefined on 404', async () => {
  const fake = fakeBlobService();
  const store = new BlobSnapshotStore(CONTAINER, new FakeCredential(), { httpClient: fake.client, maxRetries: 0 });
  await store.put('a/b.json', [1, 2]);
  assert.deepEqual(await store.get('a/b.json'), [1, 2]);
  assert.equal(await store.get('a/missing.json'), undefined);
});

test('blob store: list follows NextMarker across pages and filters by prefix', async () => {
  const fake = fakeBlobService();
  const store = new BlobSnapshotStore(CONTAINER, new FakeCredential(), { httpClient: fake.client, maxRetries: 0 });
  for (const k of ['w/m/compute-a.json', 'w/m/compute-b.json', 'w/m/endpoint-e.json', 'w/m/manifest.json', 'w/m/deployment-e.d.json', 'x/other.json']) {
    await store.put(k, {});
  }
  assert.deepEqual(await store.list('w/m/'), [
    'w/m/compute-a.json', 'w/m/compute-b.json', 'w/m/deployment-e.d.json', 'w/m/endpoint-e.json', 'w/m/manifest.json',
  ]);
  const listCalls = fake.seen.filter((s) => s.url.searchParams.get('comp') === 'list');
  assert.equal(listCalls.length, 3);
  assert.equal(listCalls[0]?.url.searchParams.get('restype'), 'container');
});

test('blob store: a refused request throws with status and code (never a silent success)', async () => {
  const fake = fakeBlobService({ failWith: 403 });
  const store = new BlobSnapshotStore(CONTAINER, new FakeCredential(), { httpClient: fake.client, maxRetries: 0 });
  await assert.rejects(store.put('a/b.json', {}), (err: unknown) => err instanceof BlobRequestError && err.status === 403 && err.code === 'AuthorizationFailure');
  await assert.rejects(store.get('a/b.json'), BlobRequestError);
});

test('blob store: refuses http URLs and SAS query strings', () => {
  assert.throws(() => new BlobSnapshotStore('http://acct.blob.core.windows.net/c', new FakeCredential()), /https/);
  assert.throws(() => new BlobSnapshotStore(`${CONTAINER}?sv=1&sig=x`, new FakeCredential()), /SAS/);
});

test('blob report store keeps the latest report', async () => {
  const fake = fakeBlobService();
  const reports = new BlobReportStore(CONTAINER, new FakeCredential(), { httpClient: fake.client, maxRetries: 0 });
  await reports.saveDriftReport({ savedAt: '2025-02-01T00:00:00Z', policyName: 'p', report: { drifted: 3 } });
  assert.deepEqual((await reports.latestDriftReport())?.report, { drifted: 3 });
  assert.equal((await reports.listDriftReports()).length, 1);
});

test('List Blobs parsing unescapes names', () => {
  assert.deepEqual(parseListBlobs('<Blobs><Blob><Name>a&amp;b</Name></Blob></Blobs><NextMarker>m&lt;1</NextMarker>'), { names: ['a&b'], nextMarker: 'm<1' });
  assert.deepEqual(parseListBlobs('<Blobs></Blobs><NextMarker />'), { names: [] });
});

test('putIfAbsent is create-only: If-None-Match: *, and an existing blob is left as it is', async () => {
  const svc = fakeBlobService();
  const store = new BlobSnapshotStore(CONTAINER, new FakeCredential(), { httpClient: svc.client });
  assert.equal(await store.putIfAbsent('ws/m1/manifest.json', { computes: ['cpu-1'] }), true);
  assert.equal(await store.putIfAbsent('ws/m1/manifest.json', { computes: [] }), false);
  assert.deepEqual(await store.get('ws/m1/manifest.json'), { computes: ['cpu-1'] });
  const puts = svc.seen.filter((r) => r.method === 'PUT');
  assert.equal(puts.length, 2);
  assert.ok(puts.every((r) => r.headers['if-none-match'] === '*'));
});
