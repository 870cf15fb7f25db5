import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FQDN_ALLOWED_PORTS,
  RULE_TYPES_ALLOWED_BY_MODE,
  STORAGE_FQDN_EXEMPTIONS,
  STORAGE_FQDN_SUFFIXES,
  storageSuffixReached,
} from '../../src/catalog/outbound-rules';

test('FQDN rules: ports 80 and 443 only', () => {
  assert.deepEqual([...FQDN_ALLOWED_PORTS], [80, 443]);
});

test('rule types by mode: none when Disabled, private endpoints only with internet outbound, all three when approved', () => {
  assert.deepEqual(RULE_TYPES_ALLOWED_BY_MODE.Disabled, []);
  assert.deepEqual(RULE_TYPES_ALLOWED_BY_MODE.AllowInternetOutbound, ['PrivateEndpoint']);
  assert.deepEqual([...RULE_TYPES_ALLOWED_BY_MODE.AllowOnlyApprovedOutbound].sort(), ['FQDN', 'PrivateEndpoint', 'ServiceTag']);
});

test('storage FQDN suffixes of the facts page, and the VS Code blob host exemption', () => {
  for (const s of ['.blob.core.windows.net', '.file.core.windows.net', '.dfs.core.windows.net', '.queue.core.windows.net', '.table.core.windows.net']) {
    assert.ok(STORAGE_FQDN_SUFFIXES.includes(s), s);
  }
  assert.deepEqual([...STORAGE_FQDN_EXEMPTIONS], ['vscode.blob.core.windows.net']);
});

test('storageSuffixReached: hosts, wildcards that cover storage, case, and the exemption', () => {
  assert.equal(storageSuffixReached('mystorage.blob.core.windows.net'), '.blob.core.windows.net');
  assert.equal(storageSuffixReached('MyStorage.Table.Core.Windows.Net'), '.table.core.windows.net');
  assert.equal(storageSuffixReached('*.file.core.windows.net'), '.file.core.windows.net');
  assert.notEqual(storageSuffixReached('*.core.windows.net'), undefined, 'a wildcard above the storage suffixes reaches them');
  assert.notEqual(storageSuffixReached('*.windows.net'), undefined);
  assert.equal(storageSuffixReached('vscode.blob.core.windows.net'), undefined);
  assert.equal(storageSuffixReached('pypi.org'), undefined);
  assert.equal(storageSuffixReached('*.vault.azure.net'), undefined);
});
