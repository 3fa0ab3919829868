#!/usr/bin/env node
// oci-conform's entry (CommonJS, as every file in bin/: see bin/oci-validate.js).
// The bundle does nothing at import; its run() is the process: signals, exit code, flushed output.
'use strict';
import('../dist/oci-conform.mjs').then(
  (cli) => cli.run(),
  (e) => {
    const missing = e && e.code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(`oci-conform: ${missing ? 'dist/oci-conform.mjs is missing: run npm run build' : `internal error: ${e instanceof Error ? e.message : String(e)}`}\n`);
    process.exitCode = missing ? 2 : 4;
  },
);
