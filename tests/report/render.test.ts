import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration } from '../../src/report/format';
import { renderHtml } from '../../src/report/render-html';
import { renderMarkdown } from '../../src/report/render-markdown';
import { comparisonRows, headline } from '../../src/report/summary';
import { sampleRun } from './fixture';

describe('formatDuration (emulated time)', () => {
  it('reads like a person would say it', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(45_000), '45s');
    assert.equal(formatDuration(12 * 60_000 + 5_000), '12m 5s');
    assert.equal(formatDuration(30 * 60_000), '30m');
    assert.equal(formatDuration(90 * 60_000), '1h 30m');
  });
});

describe('summary facts', () => {
  it('the headline reports the final scan, and drift when there is some', () => {
    const run = sampleRun();
    assert.match(headline(run), /all 2 in-scope workspaces compliant/);
    const after = run.scans.after;
    assert.ok(after);
    after.drifted = 1;
    assert.match(headline(run), /1 drifted/);
    delete run.scans.after;
    assert.match(headline(run), /No final scan/);
  });

  it('before/after rows mark what changed and a created workspace as not existing before', () => {
    const run = sampleRun();
    const [prod, created] = run.workspaces;
    assert.ok(prod && created);
    const rows = comparisonRows(prod);
    const mode = rows.find((r) => r.label === 'Isolation mode');
    assert.deepEqual(mode, { label: 'Isolation mode', before: 'Disabled', after: 'AllowOnlyApprovedOutbound', changed: true });
    assert.equal(rows.find((r) => r.label === 'Computes')?.changed, false);
    assert.equal(rows.find((r) => r.label === 'Private endpoints')?.after, '1 of 2 Active');
    assert.ok(comparisonRows(created).every((r) => r.before === '(did not exist)'));
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleRun());

  it('has the headline, the scans, the phases and one section per workspace', () => {
    assert.match(md, /^# mnet-autopilot demo\n/);
    assert.match(md, /\*\*Final scan: all 2 in-scope workspaces compliant/);
    assert.match(md, /\| Final \| 2025-01-01 01:05:00 UTC \| 3 \| 2 \| 2 \| 0 \| 0 \| 1 \|/);
    assert.match(md, /\| 1 \| Drift scan \| ok \| 1s \| 120 ms \|/);
    for (const name of ['ws-prod', 'ws-new', 'ws-locked']) assert.match(md, new RegExp(`^### ${name}$`, 'm'));
  });

  it('lists the steps with their emulated durations and the warnings', () => {
    assert.match(md, /\| provisionNetwork \| provision-network \| succeeded \| 2025-01-01 00:05:00 UTC \| 40m \|/);
    assert.match(md, /- firewall-cost: a Standard firewall is billed per hour/);
    assert.match(md, /\| Isolation mode \| Disabled \| \*\*AllowOnlyApprovedOutbound\*\* \|/);
  });

  it('draws a Mermaid flowchart per workspace with every rule and private endpoint target', () => {
    const blocks = md.split('```mermaid').slice(1).map((b) => b.split('```')[0] ?? '');
    // ws-prod: after + before; ws-new: after; ws-locked: after + before.
    assert.equal(blocks.length, 5);
    const prodAfter = blocks[0] ?? '';
    assert.match(prodAfter, /^\nflowchart LR\n/);
    for (const rule of ['data-blob', 'data-dfs', 'pypi', 'adf']) assert.match(prodAfter, new RegExp(`\\["${rule}<br/>`));
    assert.match(prodAfter, /subgraph g0\["Private endpoints \(2\)"\]/);
    assert.match(prodAfter, /t0\[\("stdata<br\/>storageAccounts"\)\]:::target/);
    assert.equal(prodAfter.match(/-\.-> t0/g)?.length, 2, 'both PE rules point at the one target');
    assert.match(prodAfter, /data-blob<br\/>blob<br\/>Active"\]:::good/);
    assert.match(prodAfter, /data-dfs<br\/>dfs<br\/>Inactive"\]:::idle/);
  });

  it('escapes what would break Markdown or Mermaid', () => {
    assert.match(md, /Note:\*\* skipped: scope lock \\<ReadOnly>/);
    const run = sampleRun();
    const ws = run.workspaces[0];
    assert.ok(ws?.after);
    ws.after.rules.push({ name: 'quote', type: 'FQDN', destination: 'a"b|c', status: 'Active' });
    const out = renderMarkdown(run);
    assert.match(out, /quote<br\/>a#quot;b\|c/);
    assert.doesNotMatch(out, /a"b/);
  });
});

describe('required rules of the service', () => {
  function withRequired() {
    const run = sampleRun();
    const ws = run.workspaces[0];
    assert.ok(ws?.after);
    for (const tag of ['AzureActiveDirectory', 'AzureMonitor', 'VirtualNetwork']) {
      ws.after.rules.push({ name: `__SYS_ST_${tag}`, type: 'ServiceTag', category: 'Required', status: 'Active', destination: `${tag} TCP 443` });
    }
    return run;
  }

  it('are folded into one line per type in both diagrams, the user rules stay one line each', () => {
    const run = withRequired();
    const md = renderMarkdown(run);
    const after = md.split('```mermaid')[1] ?? '';
    assert.match(after, /subgraph g2\["Service tags \(4\)"\]/);
    assert.match(after, /\["required by the service \(3\)<br\/>AzureActiveDirectory, AzureMonitor, VirtualNetwork<br\/>Active"\]:::good/);
    assert.doesNotMatch(after, /__SYS_ST_/);
    assert.match(after, /\["adf<br\/>DataFactory TCP 443<br\/>Active"\]/);
    const svg = (renderHtml(run).match(/<svg [\s\S]*?<\/svg>/g) ?? [])[0] ?? '';
    assert.ok(svg.includes('required by the service (3)'));
    assert.ok(!svg.includes('__SYS_ST_'));
    assert.ok(svg.includes('Service tags (4)'));
  });
});

describe('renderHtml', () => {
  const html = renderHtml(sampleRun());

  it('is one self-contained page: inline style, no script, no external resource', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<style>[\s\S]+<\/style>/);
    assert.doesNotMatch(html, /<script|<link |src="/i);
    const urls = html.match(/https?:\/\/[^\s"'<)]+/g) ?? [];
    assert.deepEqual([...new Set(urls)].sort(), ['http://www.w3.org/2000/svg', 'https://127.0.0.1:8443']);
    assert.match(html, /<\/html>\n$/);
  });

  it('has an inline SVG per workspace (and before diagrams in folds), with unique marker ids', () => {
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    assert.equal(svgs.length, 5);
    const ids = html.match(/<marker id="[^"]+"/g) ?? [];
    assert.equal(new Set(ids).size, ids.length);
    const prod = svgs[0] ?? '';
    assert.match(prod, /aria-label="Managed network of ws-prod \(after\): Approved outbound only, 4 outbound rules"/);
    for (const text of ['Private endpoints (2)', 'FQDN rules (1)', 'Service tags (1)', '\u2192 stdata/blob', '\u2192 stdata/dfs', 'pypi.org', '>Active<', '>Inactive<', 'network: Active', 'firewall: Standard']) {
      assert.ok(prod.includes(text), `diagram shows ${text}`);
    }
  });

  it('shows steps, durations, warnings and escapes text', () => {
    assert.match(html, /<td>provision-network<\/td><td><span class="pill good">succeeded<\/span><\/td><td>2025-01-01 00:05:00 UTC<\/td><td>40m<\/td>/);
    assert.match(html, /<li>firewall-cost: a Standard firewall is billed per hour<\/li>/);
    assert.match(html, /skipped: scope lock &lt;ReadOnly&gt;/);
    assert.doesNotMatch(html, /<ReadOnly>/);
  });

  it('says so when drift remains', () => {
    const run = sampleRun();
    if (run.scans.after) run.scans.after.drifted = 2;
    assert.match(renderHtml(run), /<div class="headline bad">Final scan: 2 drifted/);
  });
});
