#!/usr/bin/env node
// oci-conform's entry (CommonJS, as every file in bin/: see bin/oci-validate.js).
'use strict';
import('../dist/oci-conform.mjs').catch((e) => {
  const missing = e && e.code === 'ERR_MODULE_NOT_FOUND';
  process.stderr.write(`oci-conform: ${missing ? 'dist/oci-conform.mjs is missing: run npm run build' : `internal error: ${e instanceof Error ? e.message : String(e)}`}\n`);
  process.exitCode = 2;
});
