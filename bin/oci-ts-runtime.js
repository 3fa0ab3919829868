#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// oci-ts-runtime's entry: the reference OCI runtime of oci-conform (runtime/). CommonJS (bin/package.json), so that a
// start does not set up the ES module loader: the command line runs as one script compiled from V8's code cache
// (scripts/code-cache.ts), by the loader of every code-cached script (core/code-cache.ts, dist/code-cache.cjs).
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
let loader;
try {
  loader = require(join(dist, 'code-cache.cjs'));
} catch (e) {
  if (!e || e.code !== 'MODULE_NOT_FOUND') throw e;
  process.stderr.write(`oci-ts-runtime: ${join(dist, 'oci-ts-runtime.js')} is missing: run npm run build\n`);
  process.exit(2);
}
loader.startEntry(dist, 'oci-ts-runtime');
