import { defineProfile } from './profile.js';

/**
 * gVisor: its own kernel, so host-side /proc inspection sees the sandbox, not the container process
 * (the canary measures that: the `host-pid-view` condition).
 *
 * `--network=none`: with its default (`sandbox`) network, runsc builds the container's interfaces from the
 * network namespace the caller prepared and refuses to start in the host's ("cannot run with network enabled
 * in root network namespace"); nothing here prepares one, so the container gets loopback only. The platform is
 * runsc's default (ptrace in Debian's 0.0~20221219): kvm needs /dev/kvm.
 */
export default defineProfile({
  name: 'runsc',
  binaries: ['runsc'],
  rootFlag: '--root',
  globalArgs: ['--network=none'],
  deleteForce: true,
  consoleSocket: true,
  pidFile: true,
  features: false,
});
