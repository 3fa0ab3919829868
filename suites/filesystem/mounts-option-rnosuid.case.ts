import { recursiveMountOptionCase } from './_lib/mount-options.js';

/** rnosuid (1.1.0 table) sets nosuid on an rbind mount and on every mount below it (the host's /dev and its submounts). */
export default recursiveMountOptionCase({
  option: 'rnosuid',
  flag: 'nosuid',
  requirement: 'CFG-MOUNT-OPTION-RNOSUID',
  title: 'rnosuid sets nosuid recursively',
  kernelNeed: 'recursive mount flags need',
  lacks: 'lacks nosuid',
});
