/**
 * bin/oci-ts-runtime.js run as a program (as oci-conform and users run it): its interpreter line starts Node
 * without NODE_EXTRA_CA_CERTS. Node reads that bundle at every start (about 40 ms on the project's machines) and
 * the runtime makes no TLS connection; hooks and the container get only the environment their config gives.
 * Node warns at start when the variable names a missing file: through the launcher there is no such warning.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'oci-ts-runtime.js');
const root = mkdtempSync(join(tmpdir(), 'oci-ts-launcher-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (argv: string[]) =>
  spawnSync(argv[0]!, argv.slice(1), { env: { ...process.env, NODE_EXTRA_CA_CERTS: join(root, 'missing.pem') }, encoding: 'utf8' });

describe('oci-ts-runtime launcher', () => {
  it('names node through env -S with NODE_EXTRA_CA_CERTS unset', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node');
  });

  it('run as a program, the runtime starts without the CA bundle (no warning for a missing one)', () => {
    const r = run([BIN, '--root', root, 'state', 'none']);
    expect(r.stderr).toBe('oci-ts-runtime: container none does not exist\n');
    expect(r.status).toBe(1);
  });

  it('run by node directly, Node reads the bundle as usual (what the launcher spares)', () => {
    const r = run([process.execPath, BIN, '--root', root, 'state', 'none']);
    expect(r.stderr).toMatch(/Ignoring extra certs from .*missing\.pem/);
  });
});
