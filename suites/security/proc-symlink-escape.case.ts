import { defaultFsLinkEscapeCase } from './_lib/default-fs-link.js';

/** /proc in the rootfs links to a missing place in a host directory (absolute, then ../../..): refused, or proc stays inside the root. */
export default defaultFsLinkEscapeCase('proc', 'proc');
