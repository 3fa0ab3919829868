#!/usr/bin/env node
// oci-ts-runtime's entry (CommonJS, as every file in bin/): the reference OCI runtime of oci-conform (runtime/).
'use strict';
import('../dist/oci-ts-runtime.mjs').catch((e) => {
  const missing = e && e.code === 'ERR_MODULE_NOT_FOUND';
  process.stderr.write(`oci-ts-runtime: ${missing ? 'dist/oci-ts-runtime.mjs is missing: run npm run build' : `internal error: ${e instanceof Error ? e.message : String(e)}`}\n`);
  process.exitCode = missing ? 2 : 1;
});
