import { recursiveMountOptionCase } from './_lib/mount-options.js';

/** rro (1.1.0 on) makes the bind mount and every mount below it read-only (mount_setattr with AT_RECURSIVE). */
export default recursiveMountOptionCase({
  option: 'rro',
  flag: 'ro',
  requirement: 'CFG-MOUNT-OPTION-RRO',
  title: 'rro makes a recursive bind mount read-only all the way down',
  kernelNeed: 'recursive read-only needs',
  lacks: 'is not read-only',
});
