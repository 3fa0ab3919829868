import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The strictatime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'strictatime', requirement: 'CFG-MOUNT-OPTION-STRICTATIME', where: 'per-mount', must: [], mustNot: ['noatime', 'relatime'] });
