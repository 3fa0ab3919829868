import { mountOptionFlagsCase } from './_lib/mount-options.js';

/** The nosymfollow mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default mountOptionFlagsCase({ option: 'nosymfollow', requirement: 'CFG-MOUNT-OPTION-NOSYMFOLLOW', where: 'per-mount', must: ['nosymfollow'], mustNot: [] });
