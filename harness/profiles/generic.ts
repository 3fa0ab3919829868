import { defineProfile } from './profile.js';

/** Any other runtime: the runc-compatible command line most runtimes follow. */
export default defineProfile({
  name: 'generic',
  binaries: [],
  rootFlag: '--root',
  globalArgs: [],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: true,
});
