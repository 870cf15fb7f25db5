/**
 * The three Blob Storage REST calls the stores need (Put Blob, Get Blob, List Blobs), through
 * @azure/core-rest-pipeline with a bearer token for Storage. No storage SDK is installed, on purpose.
 */
import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  exponentialRetryPolicy,
  type HttpClient,
  type HttpMethods,
  type Pipeline,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';

export const STORAGE_SCOPE = 'https://storage.azure.com/.default';
export const BLOB_API_VERSION = '2023-11-03';

export interface BlobRestOptions {
  /** Injected transport (tests); defaults to the platform HTTP client. */
  httpClient?: HttpClient;
  /** Transport-level retries of throttled / failed calls (default 3). */
  maxRetries?: number;
}

export class BlobRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly operation: string,
  ) {
    super(`Blob Storage ${operation} failed: HTTP ${status} ${code}`);
    this.name = 'BlobRequestError';
  }
}

export class BlobRest {
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient;
  private readonly base: string;

  constructor(containerUrl: string, credential: TokenCredential, options: BlobRestOptions = {}) {
    const url = new URL(containerUrl);
    if (url.protocol !== 'https:') throw new Error(`snapshot container URL must be https: ${containerUrl}`);
    if (url.search !== '') throw new Error('snapshot container URL must not carry a query (no SAS: the app uses its identity)');
    this.base = url.toString().replace(/\/+$/, '');
    this.httpClient = options.httpClient ?? createDefaultHttpClient();
    this.pipeline = createEmptyPipeline();
    this.pipeline.addPolicy(exponentialRetryPolicy({ maxRetries: options.maxRetries ?? 3 }));
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: STORAGE_SCOPE }));
  }

  async putJson(name: string, value: unknown): Promise<void> {
    const response = await this.send('PUT', this.blobUrl(name), 'Put Blob', JSON.stringify(value), {
      'x-ms-blob-type': 'BlockBlob',
      'content-type': 'application/json; charset=utf-8',
    });
    expectStatus(response, [201], 'Put Blob');
  }

  /** Put Blob with `If-None-Match: *`: false when the blob already exists (409 BlobAlreadyExists or 412). */
  async putJsonIfAbsent(name: string, value: unknown): Promise<boolean> {
    const response = await this.send('PUT', this.blobUrl(name), 'Put Blob', JSON.stringify(value), {
      'x-ms-blob-type': 'BlockBlob',
      'content-type': 'application/json; charset=utf-8',
      'if-none-match': '*',
    });
    if (response.status === 409 || response.status === 412) return false;
    expectStatus(response, [201], 'Put Blob');
    return true;
  }

  async getJson(name: string): Promise<unknown | undefined> {
    const response = await this.send('GET', this.blobUrl(name), 'Get Blob');
    if (response.status === 404) return undefined;
    expectStatus(response, [200], 'Get Blob');
    return JSON.parse(response.bodyAsText ?? '') as unknown;
  }

  async listNames(prefix: string): Promise<string[]> {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const query = new URLSearchParams({ restype: 'container', comp: 'list', prefix });
      if (marker) query.set('marker', marker);
      const response = await this.send('GET', `${this.base}?${query.toString()}`, 'List Blobs');
      expectStatus(response, [200], 'List Blobs');
      const page = parseListBlobs(response.bodyAsText ?? '');
      names.push(...page.names);
      marker = page.nextMarker;
    } while (marker);
    return names.sort();
  }

  private blobUrl(name: string): string {
    return `${this.base}/${name.split('/').map(encodeURIComponent).join('/')}`;
  }

  private async send(
    method: HttpMethods,
    url: string,
    operation: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<PipelineResponse> {
    const request = createPipelineRequest({
      url,
      method,
      body,
      headers: createHttpHeaders({ 'x-ms-version': BLOB_API_VERSION, ...headers }),
    });
    try {
      return await this.pipeline.sendRequest(this.httpClient, request);
    } catch (err) {
      throw new Error(`Blob Storage ${operation} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function expectStatus(response: PipelineResponse, ok: number[], operation: string): void {
  if (ok.includes(response.status)) return;
  const code = response.headers.get('x-ms-error-code') ?? errorCodeFromXml(response.bodyAsText ?? '') ?? 'Unknown';
  throw new BlobRequestError(response.status, code, operation);
}

function errorCodeFromXml(xml: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

/** List Blobs answers XML; the two elements needed are simple enough for a regex (names are XML-escaped). */
export function parseListBlobs(xml: string): { names: string[]; nextMarker?: string } {
  const names = [...xml.matchAll(/<Blob>[\s\S]*?<Name>([^<]*)<\/Name>[\s\S]*?<\/Blob>/g)].map((m) => unescapeXml(m[1] ?? ''));
  const next = /<NextMarker>([^<]*)<\/NextMarker>/.exec(xml)?.[1];
  return next ? { names, nextMarker: unescapeXml(next) } : { names };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
