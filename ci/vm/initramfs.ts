/**
 * The VM's initramfs: static busybox, the kernel modules that get the guest to the host's root over 9p (and
 * to its virtio disk and ports), in load order, and guest/init.sh as /init. Written as a newc cpio archive
 * (what the kernel unpacks), cached by a hash of everything that goes in, so it is rebuilt when the kernel,
 * its modules, busybox or init.sh change.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decompress as unzstd } from 'fzstd';

const STALE_MS = 3600_000;

/** What the guest needs before it can switch to the host's root: virtio PCI, 9p over virtio, overlay, the disk, the ports. */
export const WANTED_MODULES = ['virtio_pci', '9pnet_virtio', '9p', 'overlay', 'virtio_blk', 'virtio_console'] as const;

/** A module's name as the kernel knows it: `kernel/net/9p/9pnet_virtio.ko.xz` -> `9pnet_virtio`. */
export const moduleName = (path: string): string => basename(path).replace(/\.ko(\.(xz|zst|gz))?$/, '').replace(/-/g, '_');

/**
 * The module files to insmod, dependencies first, for `wanted` (names); built-in ones are left out.
 * `modulesDep` and `modulesBuiltin` are the texts of /lib/modules/<ver>/modules.dep and modules.builtin.
 * Throws naming the module when the kernel has it neither as a module nor built in.
 */
export function loadOrder(wanted: readonly string[], modulesDep: string, modulesBuiltin: string): string[] {
  const builtin = new Set(modulesBuiltin.split('\n').filter(Boolean).map(moduleName));
  const deps = new Map<string, { path: string; deps: string[] }>();
  for (const line of modulesDep.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const path = line.slice(0, colon).trim();
    deps.set(moduleName(path), { path, deps: line.slice(colon + 1).trim().split(/\s+/).filter(Boolean).map(moduleName) });
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || builtin.has(name)) return;
    seen.add(name);
    const entry = deps.get(name);
    if (!entry) throw new Error(`the kernel has no module ${name} (not in modules.dep, not in modules.builtin)`);
    for (const d of entry.deps) visit(d);
    order.push(entry.path);
  };
  for (const w of wanted) visit(w.replace(/-/g, '_'));
  return order;
}

/** One entry of a newc archive. */
export interface CpioEntry {
  readonly name: string;
  /** file type and permission bits, as in st_mode */
  readonly mode: number;
  readonly data?: Buffer;
  /** for character and block devices */
  readonly rdev?: { readonly major: number; readonly minor: number };
}

export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;

/** A newc ("070701") cpio archive of `entries`, with its trailer. Symlinks carry their target as data. */
export function cpio(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    offset += b.length;
  };
  const pad = (): void => {
    if (offset % 4) push(Buffer.alloc(4 - (offset % 4)));
  };
  let ino = 1;
  for (const e of [...entries, { name: 'TRAILER!!!', mode: 0 }] as CpioEntry[]) {
    const data = e.data ?? Buffer.alloc(0);
    const name = Buffer.from(`${e.name}\0`);
    const fields = [ino++, e.mode, 0, 0, e.mode & S_IFDIR ? 2 : 1, 0, data.length, 0, 0, e.rdev?.major ?? 0, e.rdev?.minor ?? 0, name.length, 0];
    push(Buffer.from(`070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}`));
    push(name);
    pad();
    push(data);
    pad();
  }
  return Buffer.concat(parts);
}

/** A module file's bytes, decompressed (busybox's insmod takes plain .ko files). */
function moduleBytes(path: string): Buffer {
  if (path.endsWith('.ko.gz')) return gunzipSync(readFileSync(path));
  if (path.endsWith('.ko.zst')) return Buffer.from(unzstd(readFileSync(path)));
  if (path.endsWith('.ko.xz')) return execFileSync('xz', ['-dc', path], { maxBuffer: 256 << 20 });
  return readFileSync(path);
}

export interface InitramfsInputs {
  readonly kernelVersion: string;
  readonly modulesDir: string;
  readonly busybox: string;
  readonly initScript: string;
}

/**
 * The path of the initramfs for `inputs` in `cacheDir`: built when no archive of the same inputs is there
 * (then those of the same kernel built over an hour ago are removed; younger ones may be another checkout's,
 * about to be booted). Written to a temporary name and renamed, so a concurrent or interrupted build never
 * leaves a half archive under the final name.
 */
export function initramfs(cacheDir: string, inputs: InitramfsInputs): string {
  const order = loadOrder(
    WANTED_MODULES,
    readFileSync(join(inputs.modulesDir, 'modules.dep'), 'utf8'),
    existsSync(join(inputs.modulesDir, 'modules.builtin')) ? readFileSync(join(inputs.modulesDir, 'modules.builtin'), 'utf8') : '',
  );
  const busybox = readFileSync(inputs.busybox);
  const init = readFileSync(inputs.initScript);
  const modules = order.map((p, i) => ({ file: `${String(i).padStart(2, '0')}-${moduleName(p)}.ko`, data: moduleBytes(join(inputs.modulesDir, p)) }));
  const hash = createHash('sha256');
  for (const b of [Buffer.from(inputs.kernelVersion), busybox, init, ...modules.flatMap((m) => [Buffer.from(m.file), m.data])]) {
    hash.update(String(b.length)).update(b);
  }
  const prefix = `initramfs-${inputs.kernelVersion}-`;
  const path = join(cacheDir, `${prefix}${hash.digest('hex').slice(0, 16)}.cpio`);
  if (existsSync(path)) return path;

  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const dir = (name: string): CpioEntry => ({ name, mode: S_IFDIR | 0o755 });
  const archive = cpio([
    dir('bin'),
    { name: 'bin/busybox', mode: S_IFREG | 0o755, data: busybox },
    { name: 'bin/sh', mode: S_IFLNK | 0o777, data: Buffer.from('busybox') },
    dir('dev'),
    { name: 'dev/console', mode: S_IFCHR | 0o600, rdev: { major: 5, minor: 1 } },
    dir('modules'),
    ...modules.map((m) => ({ name: `modules/${m.file}`, mode: S_IFREG | 0o644, data: m.data })),
    { name: 'modules/order', mode: S_IFREG | 0o644, data: Buffer.from(modules.map((m) => `${m.file}\n`).join('')) },
    { name: 'init', mode: S_IFREG | 0o755, data: init },
  ]);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, archive);
  renameSync(tmp, path);
  // older archives of this kernel go, once no run that may have just chosen one can still be opening it
  for (const f of readdirSync(cacheDir)) {
    const old = join(cacheDir, f);
    if (f.startsWith(prefix) && f.endsWith('.cpio') && old !== path && Date.now() - statSync(old).mtimeMs > STALE_MS) rmSync(old, { force: true });
  }
  return path;
}
