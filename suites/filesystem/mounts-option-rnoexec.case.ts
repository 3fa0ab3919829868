import { recursiveMountOptionCase } from './_lib/mount-options.js';

/** rnoexec (1.1.0 table) sets noexec on an rbind mount and on every mount below it (the host's /dev and its submounts). */
export default recursiveMountOptionCase({
  option: 'rnoexec',
  flag: 'noexec',
  requirement: 'CFG-MOUNT-OPTION-RNOEXEC',
  title: 'rnoexec sets noexec recursively',
  kernelNeed: 'recursive mount flags need',
  lacks: 'lacks noexec',
});
