/**
 * `features` (runtime-spec features.md, features-linux.md): exactly what this
 * runtime implements, from the same tables the implementation uses, so the
 * document can't claim what the code does not do.
 */
import { CAPABILITY_NAMES } from './init/capabilities.js';
import { MOUNT_OPTIONS } from './init/rootfs-options.js';
import { ACTIONS, FLAGS, OPERATORS, runnableArches } from './init/seccomp/names.js';
import { EFAULT, errno, seccompSetFilter } from './libc.js';
import type { HookKind, NamespaceType } from './spec.js';

const HOOKS: readonly HookKind[] = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'];
const NAMESPACES: readonly NamespaceType[] = ['cgroup', 'ipc', 'mount', 'network', 'pid', 'time', 'user', 'uts'];

/** The kernel knows a filter flag: seccomp(SET_MODE_FILTER, flag, NULL) fails with EFAULT (no program), not EINVAL. */
function flagSupported(bit: number): boolean {
  return seccompSetFilter(bit, null) === -1 && errno() === EFAULT;
}

export function features(): object {
  return {
    ociVersionMin: '1.0.0',
    ociVersionMax: '1.3.0',
    hooks: HOOKS,
    mountOptions: MOUNT_OPTIONS,
    linux: {
      namespaces: NAMESPACES,
      capabilities: CAPABILITY_NAMES,
      cgroup: { v1: true, v2: true, systemd: false, systemdUser: false, rdma: true },
      seccomp: {
        enabled: true,
        actions: Object.keys(ACTIONS),
        operators: OPERATORS,
        // the architectures whose calls the filter can tell apart here (others get the bad-architecture action)
        archs: (runnableArches(process.arch) ?? []).filter((a) => a.table).map((a) => a.name),
        knownFlags: Object.keys(FLAGS),
        supportedFlags: Object.entries(FLAGS)
          .filter(([, f]) => flagSupported(f.bit))
          .map(([name]) => name),
      },
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
