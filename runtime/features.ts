/**
 * `features` (runtime-spec features.md, features-linux.md): exactly what this
 * runtime implements, from the same tables the implementation uses, so the
 * document can't claim what the code does not do.
 */
import { CAPABILITIES } from './init/capabilities.js';
import { MOUNT_OPTIONS } from './init/mount-options.js';
import { SECCOMP_FEATURES } from './init/seccomp/index.js';
import type { HookKind, NamespaceType } from './spec.js';

const HOOKS: readonly HookKind[] = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'];
const NAMESPACES: readonly NamespaceType[] = ['cgroup', 'ipc', 'mount', 'network', 'pid', 'time', 'user', 'uts'];

export function features(): object {
  return {
    ociVersionMin: '1.0.0',
    ociVersionMax: '1.3.0',
    hooks: HOOKS,
    mountOptions: MOUNT_OPTIONS,
    linux: {
      namespaces: NAMESPACES,
      capabilities: CAPABILITIES,
      cgroup: { v1: true, v2: true, systemd: false, systemdUser: false, rdma: true },
      seccomp: { enabled: true, ...SECCOMP_FEATURES },
      apparmor: { enabled: false },
      selinux: { enabled: false },
      intelRdt: { enabled: false },
      mountExtensions: { idmap: { enabled: false } },
    },
    annotations: {
      'org.opencontainers.oci-ts-runtime.version': '0.1.0',
    },
  };
}
