import { defineProfile } from './profile.js';

/** gVisor: its own kernel, so host-side /proc inspection sees the sandbox, not the container process. */
export default defineProfile({
  name: 'runsc',
  binaries: ['runsc'],
  rootFlag: '--root',
  globalArgs: [],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: false,
});
