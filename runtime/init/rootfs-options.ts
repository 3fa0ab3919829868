/**
 * The Linux mount options of config.md's table, read into what the rootfs
 * code does with them: mount(2) flags to set or clear, bind or rbind, the
 * propagation changes made after the mount (in the order given), the
 * recursive attributes for mount_setattr(AT_RECURSIVE), and everything else
 * as filesystem data (comma-separated), as mount(8) would hand it over.
 */
import * as L from '../libc.js';

export interface MountOptions {
  /** MS_* flags the options set, and the ones they clear (rw clears MS_RDONLY...). */
  readonly set: number;
  readonly clear: number;
  readonly bind: boolean;
  readonly recursive: boolean;
  readonly remount: boolean;
  /** Propagation changes (MS_SHARED, MS_REC|MS_SLAVE...), applied after the mount in this order. */
  readonly propagation: readonly number[];
  /** mount_setattr's masks for the r* options (applied with AT_RECURSIVE). */
  readonly attrSet: number;
  readonly attrClr: number;
  /** Options mount(2) does not know as flags, for the filesystem. */
  readonly data: readonly string[];
  /** An atime option was given (the remount then sets atime instead of keeping it). */
  readonly atime: boolean;
}

const ATIME = L.MS_NOATIME | L.MS_RELATIME | L.MS_STRICTATIME;

/** Options that set (true) or clear (false) a flag. */
const FLAGS: Readonly<Record<string, readonly [boolean, number]>> = {
  async: [false, L.MS_SYNCHRONOUS],
  atime: [false, L.MS_NOATIME],
  defaults: [false, 0],
  dev: [false, L.MS_NODEV],
  diratime: [false, L.MS_NODIRATIME],
  dirsync: [true, L.MS_DIRSYNC],
  exec: [false, L.MS_NOEXEC],
  iversion: [true, L.MS_I_VERSION],
  lazytime: [true, L.MS_LAZYTIME],
  loud: [false, L.MS_SILENT],
  mand: [true, L.MS_MANDLOCK],
  noatime: [true, L.MS_NOATIME],
  nodev: [true, L.MS_NODEV],
  nodiratime: [true, L.MS_NODIRATIME],
  noexec: [true, L.MS_NOEXEC],
  noiversion: [false, L.MS_I_VERSION],
  nolazytime: [false, L.MS_LAZYTIME],
  nomand: [false, L.MS_MANDLOCK],
  norelatime: [false, L.MS_RELATIME],
  nostrictatime: [false, L.MS_STRICTATIME],
  nosuid: [true, L.MS_NOSUID],
  nosymfollow: [true, L.MS_NOSYMFOLLOW],
  relatime: [true, L.MS_RELATIME],
  ro: [true, L.MS_RDONLY],
  rw: [false, L.MS_RDONLY],
  silent: [true, L.MS_SILENT],
  strictatime: [true, L.MS_STRICTATIME],
  suid: [false, L.MS_NOSUID],
  symfollow: [false, L.MS_NOSYMFOLLOW],
  sync: [true, L.MS_SYNCHRONOUS],
};

/** Propagation options (mount(2) with only these flags, after the mount). */
export const PROPAGATION: Readonly<Record<string, number>> = {
  private: L.MS_PRIVATE,
  rprivate: L.MS_REC | L.MS_PRIVATE,
  shared: L.MS_SHARED,
  rshared: L.MS_REC | L.MS_SHARED,
  slave: L.MS_SLAVE,
  rslave: L.MS_REC | L.MS_SLAVE,
  unbindable: L.MS_UNBINDABLE,
  runbindable: L.MS_REC | L.MS_UNBINDABLE,
};

/** Recursive options: [set (true) or clear, MOUNT_ATTR_*]; the atime ones also clear the whole atime field. */
const RECURSIVE: Readonly<Record<string, readonly [boolean, number]>> = {
  rro: [true, L.MOUNT_ATTR_RDONLY],
  rrw: [false, L.MOUNT_ATTR_RDONLY],
  rnosuid: [true, L.MOUNT_ATTR_NOSUID],
  rsuid: [false, L.MOUNT_ATTR_NOSUID],
  rnodev: [true, L.MOUNT_ATTR_NODEV],
  rdev: [false, L.MOUNT_ATTR_NODEV],
  rnoexec: [true, L.MOUNT_ATTR_NOEXEC],
  rexec: [false, L.MOUNT_ATTR_NOEXEC],
  rnodiratime: [true, L.MOUNT_ATTR_NODIRATIME],
  rdiratime: [false, L.MOUNT_ATTR_NODIRATIME],
  rnosymfollow: [true, L.MOUNT_ATTR_NOSYMFOLLOW],
  rsymfollow: [false, L.MOUNT_ATTR_NOSYMFOLLOW],
};
/** Recursive atime options: the atime value they leave (relatime is 0). */
const RECURSIVE_ATIME: Readonly<Record<string, number>> = {
  rnoatime: L.MOUNT_ATTR_NOATIME,
  ratime: L.MOUNT_ATTR_RELATIME,
  rstrictatime: L.MOUNT_ATTR_STRICTATIME,
  rnostrictatime: L.MOUNT_ATTR_RELATIME,
  rrelatime: L.MOUNT_ATTR_RELATIME,
  rnorelatime: L.MOUNT_ATTR_STRICTATIME,
};

/** mount(8)'s options for fstab and its own helpers: never the kernel's business. */
const USERSPACE_ONLY = new Set(['auto', 'noauto', 'user', 'nouser', 'users', 'owner', 'noowner', 'group', 'nogroup', 'nofail', '_netdev']);

/** Options the runtime does not implement (it says so rather than mount without them). */
export const UNSUPPORTED_OPTIONS = new Set(['idmap', 'ridmap', 'tmpcopyup']);

/** Reads `options` (a mount's list) the way mount(8) would. */
export function parseMountOptions(options: readonly string[] = []): MountOptions {
  let set = 0;
  let clear = 0;
  let bind = false;
  let recursive = false;
  let remount = false;
  let atime = false;
  let attrSet = 0;
  let attrClr = 0;
  const propagation: number[] = [];
  const data: string[] = [];
  for (const o of options) {
    const flag = FLAGS[o];
    if (flag) {
      const [on, bits] = flag;
      if (bits & ATIME) {
        atime = true;
        if (on) {
          set &= ~ATIME;
          clear |= ATIME & ~bits;
        }
      }
      if (on) {
        set |= bits;
        clear &= ~bits;
      } else {
        clear |= bits;
        set &= ~bits;
      }
    } else if (o === 'bind' || o === 'rbind') {
      bind = true;
      recursive ||= o === 'rbind';
    } else if (o === 'remount') {
      remount = true;
    } else if (PROPAGATION[o] !== undefined) {
      propagation.push(PROPAGATION[o]);
    } else if (RECURSIVE[o]) {
      const [on, bits] = RECURSIVE[o];
      if (on) {
        attrSet |= bits;
        attrClr &= ~bits;
      } else {
        attrClr |= bits;
        attrSet &= ~bits;
      }
    } else if (RECURSIVE_ATIME[o] !== undefined) {
      attrClr |= L.MOUNT_ATTR__ATIME;
      attrSet = (attrSet & ~L.MOUNT_ATTR__ATIME) | RECURSIVE_ATIME[o];
    } else if (!USERSPACE_ONLY.has(o) && !o.startsWith('x-') && !o.startsWith('comment=')) {
      data.push(o);
    }
  }
  return { set, clear, bind, recursive, remount, propagation, attrSet, attrClr, data, atime };
}

/** Whether mount_setattr has work to do for these options. */
export function hasRecursiveAttrs(o: MountOptions): boolean {
  return o.attrSet !== 0 || o.attrClr !== 0;
}

const ST_NOSYMFOLLOW = 0x2000;
export const KEPT = L.MS_RDONLY | L.MS_NOSUID | L.MS_NODEV | L.MS_NOEXEC | L.MS_NODIRATIME;

/** The per-mount flags of the mount `fd` is on, as MS_* bits a bind remount keeps. */
export function keptFlags(fd: number): number {
  const st = L.mountFlagsOf(fd);
  if (st < 0) throw new L.SysError('statfs', L.errno());
  return (st & KEPT) | (st & ST_NOSYMFOLLOW ? L.MS_NOSYMFOLLOW : 0);
}

/** Every mount option this runtime applies (the features document lists exactly these), bind and rbind included. */
export const MOUNT_OPTIONS: readonly string[] = [
  'bind',
  'rbind',
  'remount',
  ...Object.keys(FLAGS),
  ...Object.keys(PROPAGATION),
  ...Object.keys(RECURSIVE),
  ...Object.keys(RECURSIVE_ATIME),
].sort();
