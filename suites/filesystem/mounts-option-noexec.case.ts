import { mountOptionSetCase } from './_lib/mount-options.js';

/** The mount option noexec on a tmpfs mount is a per-mount flag of that mount (mountinfo, read from the host). */
export default mountOptionSetCase('noexec', 'CFG-MOUNT-OPTION-NOEXEC');
