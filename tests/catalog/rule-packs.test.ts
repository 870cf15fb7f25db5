import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storageSuffixReached } from '../../src/catalog/outbound-rules';
import { RULE_PACKS } from '../../src/catalog/rule-packs';

test('vscode_hub: the GitHub hosts without ports 8704-8710 (FQDN rules allow only 80/443), and it says so', () => {
  const pack = RULE_PACKS['vscode_hub'];
  assert.ok(pack);
  const hosts = pack.rules.map((r) => (r.kind === 'fqdn' ? r.destination : r.kind));
  assert.deepEqual(hosts, ['raw.githubusercontent.com', 'pkg-containers.githubusercontent.com', 'github.com']);
  assert.ok(pack.rules.every((r) => r.kind !== 'fqdn' || r.ports === undefined), 'no ports on the rules');
  assert.match(pack.description, /8704-8710 left out/);
});

test('no pack FQDN reaches customer storage (vscode.blob.core.windows.net is the documented exemption)', () => {
  for (const pack of Object.values(RULE_PACKS)) {
    for (const r of pack.rules) if (r.kind === 'fqdn') assert.equal(storageSuffixReached(r.destination), undefined, `${pack.name}: ${r.destination}`);
  }
  assert.ok(RULE_PACKS['vscode']?.rules.some((r) => r.kind === 'fqdn' && r.destination === 'vscode.blob.core.windows.net'));
});
