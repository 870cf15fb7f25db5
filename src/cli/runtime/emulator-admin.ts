/**
 * The emulator's admin clock route (GET/POST /_emulator/clock) over HTTPS with the emulator's CA: how the CLI
 * makes emulated time pass for an emulator running in another process. Emulator only; never used against Azure.
 */
import { request } from 'node:https';
import type { EmulatorClockApi } from './time-driver';

function call(endpoint: string, caCertPem: string | undefined, method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
  const url = new URL('/_emulator/clock', endpoint);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ...(caCertPem !== undefined ? { ca: caCertPem } : {}), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 300) {
          reject(new Error(`emulator clock route answered ${res.statusCode}: ${text.slice(0, 200)}`));
          return;
        }
        try {
          resolve(JSON.parse(text) as unknown);
        } catch {
          reject(new Error('emulator clock route answered something that is not JSON'));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

function nowOf(body: unknown): number {
  const now = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['now'] : undefined;
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new Error('emulator clock route answered without a numeric "now"');
  return now;
}

const RESET = /ECONNRESET|socket hang up/i;

/** A connection dropped by a busy emulator is tried again (twice); anything else fails at once. */
async function callWithRetry(endpoint: string, caCertPem: string | undefined, method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(endpoint, caCertPem, method, body);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (attempt >= 3 || !RESET.test(`${code} ${error instanceof Error ? error.message : ''}`)) throw error;
    }
  }
}

export function emulatorClockApi(endpoint: string, caCertPem: string | undefined): EmulatorClockApi {
  return {
    read: async () => nowOf(await callWithRetry(endpoint, caCertPem, 'GET')),
    // Not idempotent, but a reset before the answer most likely means the request never arrived; an extra
    // advance would only make emulated time run ahead, never back.
    advance: async (ms) => nowOf(await callWithRetry(endpoint, caCertPem, 'POST', { advanceMs: Math.max(0, Math.ceil(ms)) })),
  };
}
