import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The nodiratime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'nodiratime', requirement: 'CFG-MOUNT-OPTION-NODIRATIME', where: 'per-mount', must: ['nodiratime'], mustNot: [] });
