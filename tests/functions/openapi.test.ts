/** docs/openapi.yaml must describe exactly the routes and methods the app registers, and be self-consistent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FunctionInput, HttpFunctionOptions } from '@azure/functions';
import { registerTriggerFunctions } from '../../src/functions/register';

const doc = parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.yaml'), 'utf8')) as Record<string, unknown>;

function registeredRoutes(): string[] {
  const out: string[] = [];
  const client: FunctionInput = { type: 'durableClient', name: 'c' };
  registerTriggerFunctions(client, {
    http: (_n, o: HttpFunctionOptions) => {
      for (const m of o.methods ?? []) out.push(`${m.toLowerCase()} /${(o.route ?? '').replace(/^v1\//, '')}`);
    },
    eventGrid: () => undefined,
    timer: () => undefined,
  });
  return out.sort();
}

/** Routes only the C# app serves (docs/api.md); the TypeScript app, retired by issue 20, never had them. */
const csharpOnly = ['get /workspaces/{id}/posture', 'post /events', 'post /migrations/{id}/resume'];

test('openapi paths and methods match the registered HTTP functions', () => {
  assert.equal(doc['openapi'], '3.0.3');
  const paths = doc['paths'] as Record<string, Record<string, unknown>>;
  const documented = Object.entries(paths)
    .flatMap(([p, ops]) => Object.keys(ops).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((m) => `${m} ${p}`))
    .sort();
  for (const route of csharpOnly) assert.ok(documented.includes(route), `${route} is documented`);
  assert.deepEqual(documented.filter((route) => !csharpOnly.includes(route)), registeredRoutes());
});

test('every $ref resolves and every error response is a problem document', () => {
  const refs: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') refs.push(x);
        else walk(x);
      }
    }
  };
  walk(doc);
  assert.ok(refs.length > 20);
  for (const ref of refs) {
    const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    assert.ok(target !== undefined, ref);
  }
  const responses = (doc['components'] as { responses: Record<string, { content?: Record<string, unknown> }> }).responses;
  for (const [name, r] of Object.entries(responses)) {
    if (name === 'DecisionAccepted') continue;
    assert.ok(r.content?.['application/problem+json'], name);
  }
});
