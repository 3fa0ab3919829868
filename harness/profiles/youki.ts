import { defineProfile } from './profile.js';

export default defineProfile({
  name: 'youki',
  binaries: ['youki'],
  rootFlag: '--root',
  globalArgs: [],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: true,
});
