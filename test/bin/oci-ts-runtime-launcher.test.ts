/**
 * bin/oci-ts-runtime.js run as a program (as oci-conform and users run it) is a shell script that starts Node
 * without NODE_EXTRA_CA_CERTS, and node runs the same file as the CommonJS entry. Node reads that bundle at every
 * start (about 40 ms on the project's machines) and the runtime makes no TLS connection; hooks and the container
 * get only the environment their config gives. Node warns at start when the variable names a missing file:
 * through the launcher there is no such warning. What the launcher does for `create` (create in place) is tested
 * with real containers in test/e2e/oci-ts-runtime-in-place.test.ts.
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
  it('is a shell script whose shell part JavaScript reads as a comment, and which unsets NODE_EXTRA_CA_CERTS', () => {
    const text = readFileSync(BIN, 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['#!/bin/sh', '":" /*']);
    const shell = text.slice(0, text.indexOf('\n*/\n'));
    expect(shell).toMatch(/^unset NODE_EXTRA_CA_CERTS /m);
    // everything the shell part does ends in exec or exit before the comment closes
    expect(shell.trimEnd().split('\n').at(-1)).toBe('exec node "$0" "$@"');
  });

  it('node runs the same file as the entry, the shell part skipped', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^oci-ts-runtime \d/);
    expect(r.status).toBe(0);
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
