/**
 * The VM runner's parts that need no VM: the initramfs archive (unpacked again by busybox's cpio), the module
 * load order, the probe's checks and the command line (bad usage and a missing qemu: one line, exit 2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { S_IFDIR, S_IFLNK, S_IFREG, WANTED_MODULES, cpio, initramfs, loadOrder, moduleName } from '../../ci/vm/initramfs.js';
import { FLAGS, parseArgs } from '../../ci/vm/options.js';
import { compareVersions, isStaticElf } from '../../ci/vm/probe.js';
import { placesOf, shellQuote } from '../../ci/vm/vm.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUSYBOX = '/usr/bin/busybox';
const temp = mkdtempSync(join(tmpdir(), 'vm-parts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('loadOrder', () => {
  const dep = [
    'kernel/drivers/virtio/virtio.ko:',
    'kernel/drivers/virtio/virtio_ring.ko:',
    'kernel/drivers/virtio/virtio_pci_modern_dev.ko:',
    'kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_pci_modern_dev.ko kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko',
    'kernel/fs/netfs/netfs.ko:',
    'kernel/fs/fscache/fscache.ko: kernel/fs/netfs/netfs.ko',
    'kernel/net/9p/9pnet.ko:',
    'kernel/fs/9p/9p.ko.xz: kernel/net/9p/9pnet.ko kernel/fs/fscache/fscache.ko kernel/fs/netfs/netfs.ko',
  ].join('\n');

  it('puts every dependency before its module, once, and leaves built-in modules out', () => {
    const order = loadOrder(['virtio_pci', '9p'], dep, 'kernel/drivers/virtio/virtio_ring.ko\n');
    const names = order.map(moduleName);
    expect(names).toEqual(['virtio_pci_modern_dev', 'virtio', 'virtio_pci', '9pnet', 'netfs', 'fscache', '9p']);
    expect(order.at(-1)).toBe('kernel/fs/9p/9p.ko.xz');
  });

  it('names a module the kernel has neither as a module nor built in', () => {
    expect(() => loadOrder(['overlay'], dep, '')).toThrow(/no module overlay/);
  });
});

describe.skipIf(!existsSync(BUSYBOX))(`cpio (unpacked by ${BUSYBOX} cpio)`, () => {
  it('writes a newc archive whose directories, files (with modes) and symlinks unpack as written', () => {
    const archive = cpio([
      { name: 'bin', mode: S_IFDIR | 0o755 },
      { name: 'bin/tool', mode: S_IFREG | 0o750, data: Buffer.from('#!/bin/sh\necho odd-length\n') },
      { name: 'bin/link', mode: S_IFLNK | 0o777, data: Buffer.from('tool') },
      { name: 'empty', mode: S_IFREG | 0o644 },
    ]);
    const out = join(temp, 'unpacked');
    const r = spawnSync('sh', ['-c', `mkdir ${out} && cd ${out} && ${BUSYBOX} cpio -id`], { input: archive });
    expect(r.status, r.stderr.toString()).toBe(0);
    expect(readFileSync(join(out, 'bin/tool'), 'utf8')).toBe('#!/bin/sh\necho odd-length\n');
    expect(statSync(join(out, 'bin/tool')).mode & 0o777).toBe(0o750);
    expect(readlinkSync(join(out, 'bin/link'))).toBe('tool');
    expect(statSync(join(out, 'empty')).size).toBe(0);
  });
});

describe.skipIf(!existsSync(BUSYBOX))('initramfs (a fake kernel\'s modules, unpacked by busybox cpio)', () => {
  it('holds busybox, /init and the modules in load order (compressed ones decompressed), and is rebuilt only when an input changes', () => {
    const mods = join(temp, 'lib-modules');
    mkdirSync(join(mods, 'kernel'), { recursive: true });
    const dep: string[] = [];
    for (const m of WANTED_MODULES) {
      const gz = m === '9p';
      writeFileSync(join(mods, 'kernel', `${m}.ko${gz ? '.gz' : ''}`), gz ? gzipSync(`module ${m}`) : `module ${m}`);
      dep.push(`kernel/${m}.ko${gz ? '.gz' : ''}:${m === '9p' ? ' kernel/9pnet_virtio.ko' : ''}`);
    }
    writeFileSync(join(mods, 'modules.dep'), `${dep.join('\n')}\n`);
    writeFileSync(join(mods, 'modules.builtin'), 'kernel/overlay.ko\n');
    const init = join(temp, 'init.sh');
    writeFileSync(init, '#!/bin/busybox sh\necho one\n');
    const cache = join(temp, 'cache');
    const inputs = { kernelVersion: '9.9.9-test', modulesDir: mods, busybox: BUSYBOX, initScript: init };

    const first = initramfs(cache, inputs);
    expect(initramfs(cache, inputs)).toBe(first);
    const out = join(temp, 'initramfs-unpacked');
    mkdirSync(out);
    const r = spawnSync('sh', ['-c', `cd ${out} && ${BUSYBOX} cpio -id < ${first}`]);
    expect(r.status, r.stderr.toString()).toBe(0);
    expect(readFileSync(join(out, 'modules/order'), 'utf8')).toBe(['00-virtio_pci.ko', '01-9pnet_virtio.ko', '02-9p.ko', '03-virtio_blk.ko', '04-virtio_console.ko', ''].join('\n'));
    expect(readFileSync(join(out, 'modules/02-9p.ko'), 'utf8')).toBe('module 9p');
    expect(readFileSync(join(out, 'init'), 'utf8')).toBe('#!/bin/busybox sh\necho one\n');
    expect(statSync(join(out, 'init')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(out, 'bin/busybox')).equals(readFileSync(BUSYBOX))).toBe(true);

    writeFileSync(init, '#!/bin/busybox sh\necho two\n');
    const second = initramfs(cache, inputs);
    expect(second).not.toBe(first);
    expect(readdirSync(cache).sort()).toEqual([first, second].map((p) => p.slice(cache.length + 1)).sort()); // the first is under an hour old: kept
  });
});

describe('probe helpers', () => {
  it('orders Debian kernel versions by their numbers', () => {
    expect(['6.1.0-9-amd64', '6.1.0-57-amd64', '5.10.0-30-amd64'].sort(compareVersions)).toEqual(['5.10.0-30-amd64', '6.1.0-9-amd64', '6.1.0-57-amd64']);
  });

  it("tells node (dynamically linked) from a static busybox", () => {
    expect(isStaticElf(process.execPath)).toBe(false);
    if (existsSync(BUSYBOX) && spawnSync('sh', ['-c', `dpkg -s busybox-static >/dev/null 2>&1`]).status === 0) expect(isStaticElf(BUSYBOX)).toBe(true);
  });
});

describe('places and quoting', () => {
  it('refuses a working directory the guest hides under its own /tmp, unless it is shared', () => {
    const dir = mkdtempSync('/tmp/vm-parts-cwd-');
    try {
      expect(() => placesOf(dir, [])).toThrow(/not visible in the guest \(it has its own \/tmp\)/);
      expect(placesOf(dir, [dir])).toEqual({ cwd: dir, shares: [dir] });
    } finally {
      rmSync(dir, { recursive: true });
    }
    expect(() => placesOf(ROOT, [join(temp, 'absent')])).toThrow(/--share .*absent: no such directory/);
  });

  it('quotes words so that sh reads them back unchanged', () => {
    const words = ["it's", '$HOME', 'a b', '`x`', '"q"', ''];
    const r = spawnSync('sh', ['-c', `printf '%s\\n' ${words.map(shellQuote).join(' ')}`]);
    expect(r.stdout.toString()).toBe(words.map((w) => `${w}\n`).join(''));
  });
});

describe('the command line', () => {
  it('every option is in the table of docs/CI.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/CI.md'), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `--'));
    for (const flag of FLAGS) expect(rows.some((r) => r.split(' | ')[0]!.includes(`\`${flag}`) && new RegExp(`\`${flag}[ \`]`).test(r)), flag).toBe(true);
  });

  it('parses options and takes everything after -- as the command', () => {
    const r = parseArgs(['--profile', 'v1', '--no-disk', '--timeout=60', '--mem', '2048M', '--share', '/x', '--', 'sh', '-c', 'exit 7']);
    expect(r).toMatchObject({ help: false, options: { profile: 'v1', disk: false, timeout: 60, mem: '2048M', shares: ['/x'], command: ['sh', '-c', 'exit 7'] } });
  });

  const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'ci/vm/run.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8' });

  it.each([
    [['--profile', 'v3', '--', 'true'], /^oci-vm: --profile: expected v2 or v1, got 'v3'\n$/],
    [['--mem', 'lots', '--', 'true'], /^oci-vm: --mem: expected a size like 4G or 2048M, got 'lots'\n$/],
    [['--profile', 'v2'], /^oci-vm: no command: give it after --/],
    [['--frobnicate', '--', 'true'], /^oci-vm: unknown option '--frobnicate'/],
  ])('%j: one line, exit 2', (args, message) => {
    const r = run(args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it('without qemu on PATH: one line naming the Debian packages, exit 2', () => {
    const bin = join(temp, 'bin-without-qemu'); // only node: the directory of node may hold qemu too (/usr/bin)
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = run(['--', 'true'], { ...process.env, PATH: bin });
    expect(r.stderr).toBe('oci-vm: qemu-system-x86_64 not found on PATH; install the Debian packages: apt-get install -y qemu-system-x86 linux-image-amd64 busybox-static\n');
    expect(r.status).toBe(2);
  });
});
