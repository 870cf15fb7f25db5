import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFqdn } from '../../src/policy/rules/fqdn-syntax';
import { storageSuffixReached } from '../../src/catalog/outbound-rules';
import { portRangesProblem } from '../../src/policy/rules/port-ranges';
import { suggest } from '../../src/policy/suggest';

test('FQDN host names: leading wildcard, optional port', () => {
  assert.deepEqual(parseFqdn('*.anaconda.com'), { host: '*.anaconda.com', wildcard: true });
  assert.deepEqual(parseFqdn('PyPI.org:443'), { host: 'pypi.org', wildcard: false, port: 443 });
  for (const bad of ['https://pypi.org', 'pypi.org/simple', 'pypi', 'a.*.com', '*', '*.', 'py pi.org', '-x.com', 'x.com:', 'x.com:http', '']) {
    assert.ok('error' in parseFqdn(bad), bad);
  }
});

test('storage hosts are recognised, including wildcards that cover them, and the VS Code blob host is exempt', () => {
  const reach = (d: string) => {
    const p = parseFqdn(d);
    return 'error' in p ? 'invalid' : storageSuffixReached(p.host);
  };
  assert.equal(reach('mystorage.blob.core.windows.net'), '.blob.core.windows.net');
  assert.equal(reach('*.dfs.core.windows.net'), '.dfs.core.windows.net');
  assert.equal(reach('*.core.windows.net'), '.blob.core.windows.net');
  assert.equal(reach('x.queue.core.windows.net'), '.queue.core.windows.net');
  assert.equal(reach('vscode.blob.core.windows.net'), undefined);
  assert.equal(reach('login.microsoftonline.com'), undefined);
  assert.equal(reach('myvault.vault.azure.net'), undefined);
});

test('port ranges: single ports, ranges, comma lists with spaces, bounds', () => {
  for (const good of ['443', '80,443', '80, 8080', '8000-8010', '1-65535', '22, 8704-8710']) assert.equal(portRangesProblem(good), undefined, good);
  for (const bad of ['', ' ', '0', '65536', '10-5', '80,,443', '80,', 'http', '1-2-3', '-1', '*', '8 0']) {
    assert.notEqual(portRangesProblem(bad), undefined, bad);
  }
});

test('suggestions only for plausible typos', () => {
  assert.equal(suggest('isolationMode', ['isolation_mode', 'firewall_sku']), 'isolation_mode');
  assert.equal(suggest('pyton_packages', ['python_packages', 'vscode']), 'python_packages');
  assert.equal(suggest('zzz', ['python_packages', 'vscode']), undefined);
});
