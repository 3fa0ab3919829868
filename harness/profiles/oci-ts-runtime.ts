import { defineProfile } from './profile.js';

/** Our own reference runtime (runtime/). */
export default defineProfile({
  name: 'oci-ts-runtime',
  binaries: ['oci-ts-runtime', 'oci-ts-runtime.js'],
  rootFlag: '--root',
  globalArgs: [],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: true,
});
