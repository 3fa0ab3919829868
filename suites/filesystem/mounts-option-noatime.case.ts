import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The noatime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'noatime', requirement: 'CFG-MOUNT-OPTION-NOATIME', where: 'per-mount', must: ['noatime'], mustNot: ['relatime'] });
