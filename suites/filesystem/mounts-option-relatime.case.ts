import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The relatime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'relatime', requirement: 'CFG-MOUNT-OPTION-RELATIME', where: 'per-mount', must: ['relatime'], mustNot: ['noatime'] });
