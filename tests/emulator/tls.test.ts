import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { certificateSerial, generateCertificate } from '../../src/emulator/tls';

test('certificate serials are positive and minimally encoded whatever the random bytes', () => {
  for (const first of [0x00, 0x01, 0x05, 0x7f, 0x80, 0xfe, 0xff]) {
    const random = Buffer.alloc(16, 0);
    random[0] = first;
    const serial = certificateSerial(random);
    const lead = Number.parseInt(serial.slice(0, 2), 16);
    assert.ok(lead >= 0x01 && lead <= 0x7f, `first byte 0x${first.toString(16)} -> serial ${serial}`);
    assert.equal(serial.length, 32);
  }
});

test('a generated certificate parses (OpenSSL accepts its serial) and covers 127.0.0.1', () => {
  const cert = new X509Certificate(generateCertificate().certPem);
  assert.ok(cert.checkIP('127.0.0.1'));
  assert.ok(!/^00/.test(cert.serialNumber));
});
