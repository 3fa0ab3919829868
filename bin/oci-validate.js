#!/usr/bin/env node
// oci-validate's entry. CommonJS (bin/package.json), so that a start does not
// set up the ES module loader: the CLI runs as one script compiled from V8's
// code cache the build wrote beside it (scripts/code-cache.ts), by the loader
// of every code-cached script (core/code-cache.ts, built as dist/code-cache.cjs).
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
let loader;
try {
  loader = require(join(dist, 'code-cache.cjs'));
} catch (e) {
  if (!e || e.code !== 'MODULE_NOT_FOUND') throw e;
  process.stderr.write(`oci-validate: ${join(dist, 'oci-validate.js')} is missing: run npm run build\n`);
  process.exit(2);
}
loader.startEntry(dist, 'oci-validate');
