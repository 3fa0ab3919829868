import { defineProfile } from './profile.js';

/**
 * runc run by an unprivileged user (`--rootless true`): containers in a user namespace mapping container
 * root to the caller. Chosen by `--profile runc-rootless`, or for runc when oci-conform is not run as root.
 */
export default defineProfile({
  name: 'runc-rootless',
  binaries: [],
  rootFlag: '--root',
  globalArgs: ['--rootless', 'true'],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: true,
  rootless: true,
});
