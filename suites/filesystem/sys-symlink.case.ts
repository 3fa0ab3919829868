import { symlinkedMountPointCase } from './_lib/symlinked-mount-point.js';

/** /sys in the rootfs is a symlink (to tmp/h8-sys-target): sysfs is refused or mounted at /sys itself, never through the link. */
export default symlinkedMountPointCase('sys', 'sysfs');
