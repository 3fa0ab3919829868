import { defaultFsLinkEscapeCase } from './_lib/default-fs-link.js';

/** /sys in the rootfs links to a missing place in a host directory (absolute, then ../../..): refused, or sysfs stays inside the root. */
export default defaultFsLinkEscapeCase('sys', 'sysfs');
