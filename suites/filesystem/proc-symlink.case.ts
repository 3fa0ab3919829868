import { symlinkedMountPointCase } from './_lib/symlinked-mount-point.js';

/** /proc in the rootfs is a symlink (to tmp/h8-proc-target): proc is refused or mounted at /proc itself, never through the link. */
export default symlinkedMountPointCase('proc', 'proc');
