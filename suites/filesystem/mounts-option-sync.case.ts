import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The sync mount option (1.1.0 table) shows in the mount's superblock flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'sync', requirement: 'CFG-MOUNT-OPTION-SYNC', where: 'superblock', must: ['sync'], mustNot: [] });
