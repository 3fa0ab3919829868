import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The dirsync mount option (1.1.0 table) shows in the mount's superblock flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'dirsync', requirement: 'CFG-MOUNT-OPTION-DIRSYNC', where: 'superblock', must: ['dirsync'], mustNot: [] });
