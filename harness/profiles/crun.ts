import { defineProfile } from './profile.js';

export default defineProfile({
  name: 'crun',
  binaries: ['crun'],
  rootFlag: '--root',
  globalArgs: [],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: true,
});
