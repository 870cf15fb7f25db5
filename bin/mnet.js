#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('mnet: the CLI is not built yet; run `npm run build` (or `npm ci`) first.\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`mnet: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 2; },
);
