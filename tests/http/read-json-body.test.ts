import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpRequest } from '@azure/functions';
import { readJsonBody } from '../../src/http/read-json-body';
import { ServiceError } from '../../src/service/service-error';

function request(body: string | Uint8Array | ReadableStream<Uint8Array>, contentType = 'application/json'): HttpRequest {
  if (body instanceof ReadableStream) {
    // HttpRequest only takes strings/bytes; a stream-backed request checks that reading stops at the limit.
    const r = new HttpRequest({ method: 'POST', url: 'https://x/api/v1/plan', headers: { 'content-type': contentType } });
    Object.defineProperty(r, 'body', { value: body });
    return r;
  }
  return new HttpRequest({ method: 'POST', url: 'https://x/api/v1/plan', headers: { 'content-type': contentType }, body: typeof body === 'string' ? { string: body } : { bytes: body } });
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof ServiceError);
    return e.kind;
  }
}

test('parses a JSON object; accepts +json types, charset utf-8 and a BOM', async () => {
  assert.deepEqual(await readJsonBody(request('{"a":1}'), 100), { a: 1 });
  assert.deepEqual(await readJsonBody(request('{"a":1}', 'application/merge-patch+json'), 100), { a: 1 });
  assert.deepEqual(await readJsonBody(request('{"a":1}', 'Application/JSON; charset="UTF-8"'), 100), { a: 1 });
  assert.deepEqual(await readJsonBody(request('\ufeff{"a":1}'), 100), { a: 1 });
});

test('the limit is in bytes, inclusive', async () => {
  const body = JSON.stringify({ s: 'é'.repeat(10) });
  const bytes = Buffer.byteLength(body);
  assert.equal(await kindOf(readJsonBody(request(body), bytes)), 'ok');
  assert.equal(await kindOf(readJsonBody(request(body), bytes - 1)), 'too-large');
});

test('an endless stream is cut off at the limit and cancelled', async () => {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new Uint8Array(1024).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  assert.equal(await kindOf(readJsonBody(request(stream), 10_000)), 'too-large');
  assert.ok(pulled <= 12, `pulled ${pulled} chunks`);
  assert.equal(cancelled, true);
});

test('media type, empty, non-object and broken bodies', async () => {
  assert.equal(await kindOf(readJsonBody(request('{}', 'text/json'), 100)), 'unsupported-media-type');
  assert.equal(await kindOf(readJsonBody(request('{}', 'application/jsonx'), 100)), 'unsupported-media-type');
  assert.equal(await kindOf(readJsonBody(request('{}', 'application/json; charset=latin1'), 100)), 'unsupported-media-type');
  assert.equal(await kindOf(readJsonBody(request(''), 100)), 'invalid');
  assert.equal(await kindOf(readJsonBody(request('[1]'), 100)), 'invalid');
  assert.equal(await kindOf(readJsonBody(request(new Uint8Array([0xc3, 0x28])), 100)), 'invalid');
});
