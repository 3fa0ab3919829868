#!/usr/bin/env node
// oci-validate's entry. CommonJS (bin/package.json), so that a start does not
// set up the ES module loader, and the CLI runs as one script compiled from
// V8's code cache that the build wrote beside it (scripts/build.ts,
// buildValidateScript). A missing or rejected cache only costs the compile.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'oci-validate.js');
let source;
try {
  // ASCII, as the build checks: latin1 is the same text and decodes three times faster than utf8
  source = readFileSync(file, 'latin1');
} catch {
  process.stderr.write(`oci-validate: ${file} is missing: run npm run build\n`);
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(join(__dirname, '..', 'dist', 'oci-validate.cache'));
} catch {
  cachedData = undefined;
}
const script = new Script(source, { filename: file, cachedData });
if (process.env.OCI_DEBUG && script.cachedDataRejected !== false) process.stderr.write('oci-validate: compiled without the code cache\n');
script.runInThisContext()(require, pathToFileURL(file).href).run();
