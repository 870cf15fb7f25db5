/**
 * A tiny scripted HTTPS server with a throwaway self-signed certificate (node-forge), for the client behaviours
 * the emulator has no reason to produce: Location-only LROs, HTTP-date Retry-After, foreign nextLinks, ...
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';

export interface FakeRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

export interface FakeArm {
  url: string;
  caCertPem: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

function selfSigned(): { keyPem: string; certPem: string } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const attrs = [{ name: 'commonName', value: '127.0.0.1' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) };
}

let cached: { keyPem: string; certPem: string } | undefined;

export async function startFakeArm(handler: (req: FakeRequest, fake: FakeArm) => FakeResponse): Promise<FakeArm> {
  cached ??= selfSigned();
  const { keyPem, certPem } = cached;
  const fake: FakeArm = { url: '', caCertPem: certPem, requests: [], close: async () => undefined };
  const server = createServer({ key: keyPem, cert: certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
      fake.requests.push(request);
      const out = handler(request, fake);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const [k, v] of Object.entries(out.headers ?? {})) if (v !== undefined) headers[k] = v;
      res.writeHead(out.status, headers);
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  return fake;
}
