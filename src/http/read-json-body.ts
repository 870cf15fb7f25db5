/**
 * Reads a JSON request body within a byte limit. The limit is enforced while streaming (a declared or actual
 * body over the limit is refused with 413 before it is buffered), the content type must be JSON (415),
 * the bytes must be UTF-8 and the text one JSON object (400).
 */
import type { HttpRequest } from '@azure/functions';
import { ServiceError } from '../service/service-error';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;

function checkContentType(header: string | null): void {
  const [mediaType, ...params] = (header ?? '').split(';').map((s) => s.trim().toLowerCase());
  if (!mediaType || !JSON_TYPE.test(mediaType)) {
    throw new ServiceError(
      'unsupported-media-type',
      'Unsupported media type',
      `The body must be sent as application/json (got ${header ? `"${header.slice(0, 100)}"` : 'no content type'}).`,
    );
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ServiceError('unsupported-media-type', 'Unsupported media type', `Only UTF-8 bodies are accepted (got charset ${charset.slice(0, 40)}).`);
  }
}

function tooLarge(maxBytes: number): ServiceError {
  return new ServiceError('too-large', 'Request body too large', `The body is larger than the ${maxBytes} bytes this API accepts.`, [], { maxBytes });
}

async function readLimited(request: HttpRequest, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done) break;
    if (value === undefined) continue;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop pulling the rest of an oversized body.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function malformed(detail: string): ServiceError {
  return new ServiceError('invalid', 'Malformed JSON body', detail, [{ path: '(body)', message: detail, rule: 'json' }]);
}

/** Returns the parsed body, which is always a plain JSON object. */
export async function readJsonBody(request: HttpRequest, maxBytes: number): Promise<Record<string, unknown>> {
  checkContentType(request.headers.get('content-type'));
  const bytes = await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformed('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw malformed('The body is empty; a JSON object is required.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8's message names the position; it echoes at most a few characters of the input.
    const reason = error instanceof SyntaxError ? error.message.slice(0, 200) : 'cannot be parsed';
    throw malformed(`The body is not valid JSON: ${reason}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw malformed('The body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
