/**
 * A self-signed certificate generated at start (node-forge). It is both the server certificate and the CA a client
 * trusts, so clients pass it as `ca` (or NODE_EXTRA_CA_CERTS). The key pair comes from node:crypto because
 * forge's pure-JS RSA generation takes seconds.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface EmulatorCertificate {
  certPem: string;
  keyPem: string;
}

/**
 * A certificate serial as hex: the first byte is forced into 0x01..0x7f, so the DER integer is positive (no sign
 * byte needed) and minimal (no leading 0x00). A leading zero byte is rejected by OpenSSL as illegal padding.
 */
export function certificateSerial(random: Uint8Array): string {
  const bytes = Buffer.from(random);
  if (bytes.length === 0) throw new RangeError('certificateSerial needs at least one random byte');
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

export function generateCertificate(now: Date = new Date()): EmulatorCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = certificateSerial(randomBytes(16));
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  const subject = [
    { name: 'commonName', value: 'mnet-autopilot ARM emulator' },
    { name: 'organizationName', value: 'mnet-autopilot (local emulator)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  const forgeKey = forge.pki.privateKeyFromPem(privateKey);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: privateKey };
}

/** Writes the CA pem (never the key) and returns its path. */
export function writeCaCertificate(certPem: string, certDir?: string): string {
  const dir = certDir ?? mkdtempSync(join(tmpdir(), 'mnet-emulator-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'emulator-ca.pem');
  writeFileSync(path, certPem, { encoding: 'utf8' });
  return path;
}
