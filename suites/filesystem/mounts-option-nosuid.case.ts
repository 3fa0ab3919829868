import { mountOptionSetCase } from './_lib/mount-options.js';

/** The mount option nosuid on a tmpfs mount is a per-mount flag of that mount (mountinfo, read from the host). */
export default mountOptionSetCase('nosuid', 'CFG-MOUNT-OPTION-NOSUID');
