/**
 * The in-container probes of the security cases, run on the host in a chroot
 * (perl's chroot(2), so the working directory can stay outside the new root,
 * which chroot(8) never allows) over a busybox rootfs: they must report the
 * escape a broken runtime would leave, and nothing for a sound setup.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import {
  cwdEscapes,
  cwdProbeScript,
  EXE_PROBE,
  exeWriteAccess,
  fingerprint,
  fingerprintChanges,
  parseExeProbe,
} from '../../../suites/security/_lib/escape.js';

const CHROOT = 'chdir($ARGV[1]) or die "chdir: $!"; chroot($ARGV[0]) or die "chroot: $!"; exec("/bin/sh", "-c", $ARGV[2]) or die "exec: $!"';

let dir: string;
let rootfs: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'h10-probes-'));
  rootfs = join(dir, 'rootfs');
  for (const d of ['bin', 'tmp', 'proc']) await mkdir(join(rootfs, d), { recursive: true });
  await copyFile('/usr/bin/busybox', join(rootfs, 'bin', 'busybox'));
  for (const a of ['sh', 'stat', 'readlink', 'sleep', 'cat']) await symlink('busybox', join(rootfs, 'bin', a));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the cwd probe (security.cwd-proc-self-fd)', () => {
  const run = async (cwd: string, token: string, marker: string): Promise<string> =>
    (await execa('perl', ['-e', CHROOT, rootfs, cwd, cwdProbeScript(`${'../'.repeat(40)}${relative('/', marker)}`)], { reject: false })).stdout;

  it('reports a working directory left outside the root, and the host file read through ../', async () => {
    const host = join(dir, 'host');
    await mkdir(host);
    const token = 'h10-host-token-1';
    await writeFile(join(host, 'marker'), `${token}\n`);
    const out = await run(host, token, join(host, 'marker'));
    expect(cwdEscapes(out, token)).toEqual([
      'a host file of the case could be read through ../ from the working directory',
      expect.stringMatching(/^the working directory has no path inside the container \(pwd -P: ".*"\)$/),
    ]);
  });

  it('reports nothing for a working directory inside the root', async () => {
    const host = join(dir, 'host');
    await mkdir(host);
    const token = 'h10-host-token-2';
    await writeFile(join(host, 'marker'), `${token}\n`);
    const out = await run(join(rootfs, 'tmp'), token, join(host, 'marker'));
    expect(out).toMatch(/^pwd \/tmp$/m);
    expect(cwdEscapes(out, token)).toEqual([]);
  });
});

describe('the exe probe (security.runtime-binary-not-writable)', () => {
  it("reports write access to a dumpable runtime's host executable, kept open until the process ended, and writes nothing", async () => {
    // The "runtime": a copy of sleep outside the rootfs, running in the probe's pid namespace like an init waiting for start.
    const fake = join(dir, 'fake-runtime');
    await copyFile('/usr/bin/sleep', fake);
    const before = await fingerprint(fake);
    const id = `${before.dev}:${before.ino}`;
    await writeFile(join(rootfs, 'tmp', 'h10-targets'), id);
    await writeFile(join(rootfs, 'tmp', 'h10-go1'), '');
    const out = join(dir, 'probe.out');
    const script = [
      'set -e',
      `R=${JSON.stringify(rootfs)}; O=${JSON.stringify(out)}`,
      'mount -t proc proc "$R/proc"',
      `${JSON.stringify(fake)} 1000 & f=$!`,
      `perl -e 'chroot($ARGV[0]) or die; chdir("/"); exec("/bin/sh", "-c", $ARGV[1]) or die' "$R" ${shellQuote(EXE_PROBE)} >"$O" 2>&1 & p=$!`,
      'until grep -q phase1-done "$O"; do sleep 0.1; done',
      'kill $f; wait $f || true',
      'touch "$R/tmp/h10-go2"',
      'until grep -q phase2-done "$O"; do sleep 0.1; done',
      'kill $p; wait $p || true',
    ].join('\n');
    const r = await execa('unshare', ['--pid', '--fork', '--mount', '--propagation', 'private', 'bash', '-c', script], { reject: false, timeout: 20_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const probe = parseExeProbe(await readFile(out, 'utf8'));
    const targets = new Map([[id, fake]]);
    expect(probe.seen.find((s) => s.id === id)).toMatchObject({ read: 'ok', write: expect.stringMatching(/^ERR .*busy/i) });
    expect(probe.kept).toBe(id);
    expect(exeWriteAccess(probe, targets)).toEqual([
      `the container could open /proc/${probe.seen.find((s) => s.id === id)?.pid ?? '?'}/exe (the host's ${fake}) for writing but for ETXTBSY, which lasts only while something runs it`,
      `the container reopened its descriptor of the host's ${fake} for writing after the runtime's process ended`,
    ]);
    expect(fingerprintChanges(before, await fingerprint(fake))).toEqual([]);
    expect((await stat(fake)).size).toBe(before.size);
  });
});

/** One single-quoted shell word. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
