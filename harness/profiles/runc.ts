import { defineProfile } from './profile.js';

export default defineProfile({
  name: 'runc',
  binaries: ['runc'],
  rootFlag: '--root',
  globalArgs: [],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: true,
  rootlessVariant: 'runc-rootless',
});
