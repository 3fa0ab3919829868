/**
 * What the VM runner needs from the machine, probed: qemu, a Debian kernel with its modules, a static busybox,
 * and whether KVM can be used. Each miss is one line naming the Debian packages that provide it.
 */
import { accessSync, constants, existsSync, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const PACKAGES = 'qemu-system-x86 linux-image-amd64 busybox-static';

export interface Machine {
  readonly qemu: string;
  readonly kernelVersion: string;
  readonly kernel: string;
  readonly modulesDir: string;
  readonly busybox: string;
  readonly kvm: boolean;
}

/** Thrown when something is missing: the message is the one line to print. */
export class Missing extends Error {}

/** The first executable `name` on PATH. */
export function which(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Orders kernel versions like `sort -V` would for Debian's `6.1.0-57-amd64`: numeric runs as numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Kernel versions with both /boot/vmlinuz-<v> and /lib/modules/<v>/modules.dep, newest last. */
export function kernels(boot = '/boot', modules = '/lib/modules'): string[] {
  let versions: string[];
  try {
    versions = readdirSync(modules);
  } catch {
    return [];
  }
  return versions.filter((v) => existsSync(join(boot, `vmlinuz-${v}`)) && existsSync(join(modules, v, 'modules.dep'))).sort(compareVersions);
}

/** Whether the ELF file at `path` is statically linked (no PT_INTERP program header). */
export function isStaticElf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64);
    readSync(fd, head, 0, 64, 0);
    if (head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2) return false; // ELF, 64-bit
    const phoff = Number(head.readBigUInt64LE(0x20));
    const phentsize = head.readUInt16LE(0x36);
    const phnum = head.readUInt16LE(0x38);
    const table = Buffer.alloc(phentsize * phnum);
    readSync(fd, table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) if (table.readUInt32LE(i * phentsize) === 3) return false; // PT_INTERP
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Probes the machine; `kernelVersion` picks a kernel, else the newest installed. Throws Missing. */
export function probe(kernelVersion?: string): Machine {
  const hint = `install the Debian packages: apt-get install -y ${PACKAGES}`;
  const qemu = which('qemu-system-x86_64');
  if (!qemu) throw new Missing(`oci-vm: qemu-system-x86_64 not found on PATH; ${hint}`);
  const installed = kernels();
  if (kernelVersion !== undefined && !installed.includes(kernelVersion)) {
    throw new Missing(`oci-vm: --kernel ${kernelVersion}: no /boot/vmlinuz-${kernelVersion} with /lib/modules/${kernelVersion}/modules.dep (installed: ${installed.join(', ') || 'none'})`);
  }
  const version = kernelVersion ?? installed.at(-1);
  if (!version) throw new Missing(`oci-vm: no kernel with modules (/boot/vmlinuz-<v> and /lib/modules/<v>/modules.dep); ${hint}`);
  const busybox = ['/usr/bin/busybox', '/bin/busybox'].find((p) => existsSync(p) && isStaticElf(p));
  if (!busybox) throw new Missing(`oci-vm: no statically linked busybox (/usr/bin/busybox); ${hint}`);
  let kvm = false;
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    kvm = true;
  } catch {
    // TCG
  }
  return { qemu, kernelVersion: version, kernel: join('/boot', `vmlinuz-${version}`), modulesDir: join('/lib/modules', version), busybox, kvm };
}
