/**
 * The (mutation, case) pairs the sensitivity test knows are not caught, each with the reason.
 * The test fails on a pair that is neither caught nor listed here, and on an entry that is
 * stale (its case is caught now, or is no target of that mutation): it prints both lists, so
 * pruning after a fix is deleting the lines it names.
 *
 * Reasons start with one word:
 * - `weak:` the case could catch it and does not (a gap of the suite; the parenthesis says where it is handled);
 * - `baseline:` runc already fails the case the same way, so the mutation adds no new violation;
 * - `host:` this host can't tell the mutation apart (the case skips or can't see the difference here);
 * - `no-negative:` the requirement is that the field be ignored or tolerated, so dropping it is conforming.
 */
import type { MutationKind } from './plan.js';

export const NOT_CAUGHT: Readonly<Record<MutationKind, Readonly<Record<string, string>>>> = {
  config: {
    'filesystem.rootfs-propagation.slave': "no-negative: runc's own default for the root (when rootfsPropagation is absent) is rslave, so a runtime that ignores 'slave' still gives slave here",
    'filesystem.rootfs-propagation.shared': 'baseline: runc 1.1.5 already fails it (the root mount does not end up shared)',
    'filesystem.rootfs-propagation.unbindable': 'baseline: runc 1.1.5 already fails it',
    'linux.cgroups.memory.kernel': 'baseline: runc 1.1.5 already fails it (kernel memory limits are not written)',
    'linux.cgroups.memory.kernel-tcp': 'baseline: runc 1.1.5 already fails it (kernel TCP limits are not written)',
    'linux.cgroups.cpu.mems': 'host: one memory node, so a container that inherits cpuset.mems has "0" as the config asks',
    'linux.cgroups.blockio.weight': 'host: no proportional-weight I/O scheduler, so no weight file: the case skips where a runtime accepted the weight and wrote nothing (it could fail on RT-CREATE-UNSUPPORTED-PROPERTY-ERROR instead)',
    'linux.cgroups.blockio.weight-device': 'host: no proportional-weight I/O scheduler, so no weight file: the case skips where a runtime accepted the weight and wrote nothing',
    'linux.cgroups.blockio.leaf-weight': 'host: no CFQ, so no leaf weight file: the case skips where a runtime accepted the leaf weight and wrote nothing',
    'misc.annotations.unknown-no-error': 'no-negative: the requirement is that unknown annotations cause no error; without them nothing can fail',
    'misc.unknown-properties': 'no-negative: the requirement is that unknown properties be ignored; without them nothing can fail',
    'misc.unknown-properties.no-error': 'no-negative: the requirement is that unknown properties cause no error; without them nothing can fail',
    'security.cwd-proc-self-fd': 'no-negative: the case checks a protection, not a field: with process.cwd reverted the program runs in the container\'s /, which is what the case requires',
    'security.mount-destination-symlink-escape': 'no-negative: the case checks a protection, not a field: with the mount through the symlink reverted nothing is mounted, so nothing reaches the host',
    'security.runtime-binary-not-writable': "host: reverting the second container's pid namespace path leaves it in a namespace of its own, so the first never sees the runtime's init and the case skips with that reason",
    'process.terminal.console-size-ignored': 'no-negative: the requirement is that consoleSize be ignored without a terminal; dropping it is conforming',
    // judged from spec 1.1.0 on (skipped at runc's negotiated 1.0.1): OCI_CONFORM_MUTATION_SPEC_VERSION=1.3.0
    'filesystem.mounts.option.defaults': "no-negative: 'defaults' asks for what a mount without options has, so a runtime that ignores it builds the same mount",
    'filesystem.mounts.option.relatime': 'host: relatime is what this kernel gives a new mount anyway, so a runtime that ignores it builds the same mount',
    'linux.cgroups.memory.use-hierarchy': 'host: memory.use_hierarchy is always 1 on this kernel, so a runtime that ignores it leaves the same value',
    'linux.seccomp.log': 'no-negative: SCMP_ACT_LOG lets the call through, so without the filter the case sees the same; only the audit log tells them apart (the case targets a runtime that maps LOG to a denial)',
    'misc.annotations.unknown-ignored': 'no-negative: the requirement is that unknown annotations be ignored; without them nothing can fail',
    'misc.features.mount-options-recognized': 'no-negative: the requirement is that listed options be accepted; without them create can only succeed',
    'linux.cgroups.cpu.burst': 'baseline: runc 1.1.5 already fails it at 1.3.0',
    'linux.cgroups.cpu.idle': 'baseline: runc 1.1.5 already fails it at 1.3.0',
    'linux.cgroups.pids.zero': 'baseline: runc 1.1.5 already warns on it at 1.3.0',
    'linux.seccomp.default-errno-ret-unsupported': 'baseline: runc 1.1.5 already fails it at 1.3.0',
    'linux.seccomp.errno-ret-unsupported': 'baseline: runc 1.1.5 already fails it at 1.3.0',
    'process.domainname': 'baseline: runc 1.1.5 already fails it at 1.3.0 (domainname is not set)',
    'process.io-priority.best-effort': 'baseline: runc 1.1.5 already fails it at 1.3.0 (ioPriority is not applied)',
    'process.io-priority.idle': 'baseline: runc 1.1.5 already fails it at 1.3.0 (ioPriority is not applied)',
    'process.personality.linux32': 'baseline: runc 1.1.5 already fails it at 1.3.0',
    'process.scheduler.batch': 'baseline: runc 1.1.5 already fails it at 1.3.0 (scheduler is not applied)',
    'process.scheduler.idle': 'baseline: runc 1.1.5 already fails it at 1.3.0 (scheduler is not applied)',
    'process.scheduler.other-nice': 'baseline: runc 1.1.5 already fails it at 1.3.0 (scheduler is not applied)',
  },
  'kill-ignored': {
  },
  'start-noop': {
  },
  'state-created-as-running': {},
  'state-running-as-stopped': {},
  'state-wrong-pid': {},
  'delete-forced': {},
  'create-starts': {},
};
