// STUB
import { koffi, libcLibrary } from '../../core/libc.js';
import type { Spec } from '../spec.js';
export interface RootfsPlan { spec: Spec; bundle: string; rootfs: string; terminal?: boolean }
const mount = () => libcLibrary().func('int mount(const char *, const char *, const char *, unsigned long, const char *)');
const sys = () => libcLibrary().func('long syscall(long, ...)');
function m(src: string | null, dst: string, t: string | null, f: number, d: string | null = null) { const r = mount()(src, dst, t, f, d); if (r < 0) throw new Error(`mount ${dst}: errno ${koffi().errno()}`); }
export function checkRootfsConfig(_s: Spec, _b: string): void {}
export function prepareRootfs(p: RootfsPlan): void {
  m(null, '/', null, 0x40000 | 0x4000); // MS_SLAVE|MS_REC
  m(p.rootfs, p.rootfs, null, 4096 | 0x4000);
  m('proc', p.rootfs + '/proc', 'proc', 0);
}
export function enterRootfs(p: RootfsPlan): void {
  process.chdir(p.rootfs);
  if (Number(sys()(155, 'str', '.', 'str', '.')) < 0) throw new Error('pivot_root errno ' + koffi().errno());
  m(null, '.', null, 0x80000 | 0x4000);
  libcLibrary().func('int umount2(const char *, int)')('.', 2);
  process.chdir('/');
}
