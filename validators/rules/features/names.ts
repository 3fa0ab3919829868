/**
 * Names the runtime-spec itself lists for the values a features document
 * reports (config.md hooks; config-linux.md namespace types, seccomp and memory
 * policy constants; features.md's list of mount options). The seccomp lists
 * are "as of libseccomp v2.x" in the spec, so newer names are legitimate:
 * a name outside these lists is only ever a hint.
 */
import type { Versioned } from '../linux/constants.js';
import * as LINUX from '../linux/constants.js';

export const HOOK_NAMES = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'];

const names = (list: readonly Versioned[]): string[] => list.map((x) => x.value);

// One truth for these lists: config-linux.md's, kept with their versions in rules/linux/constants.ts.
export const NAMESPACE_TYPES = names(LINUX.NAMESPACE_TYPES);
export const SECCOMP_ACTIONS = names(LINUX.SECCOMP_ACTIONS);
export const SECCOMP_OPERATORS: readonly string[] = LINUX.SECCOMP_OPERATORS;
export const SECCOMP_ARCHS = names(LINUX.SECCOMP_ARCHES);
export const SECCOMP_FLAGS = names(LINUX.SECCOMP_FLAGS);
export const MEMORY_POLICY_MODES: readonly string[] = LINUX.MEMPOLICY_MODES;
export const MEMORY_POLICY_FLAGS: readonly string[] = LINUX.MEMPOLICY_FLAGS;

/** Mount options handled by the kernel's VFS (mount flags and propagation), as features.md lists them. */
export const VFS_MOUNT_OPTIONS = [
  'acl', 'async', 'atime', 'bind', 'defaults', 'dev', 'diratime', 'dirsync', 'exec', 'iversion', 'lazytime', 'loud', 'mand',
  'noacl', 'noatime', 'nodev', 'nodiratime', 'noexec', 'noiversion', 'nolazytime', 'nomand', 'norelatime', 'nostrictatime',
  'nosuid', 'nosymfollow', 'private', 'ratime', 'rbind', 'rdev', 'rdiratime', 'relatime', 'remount', 'rexec', 'rnoatime',
  'rnodev', 'rnodiratime', 'rnoexec', 'rnorelatime', 'rnostrictatime', 'rnosuid', 'rnosymfollow', 'ro', 'rprivate',
  'rrelatime', 'rro', 'rrw', 'rshared', 'rslave', 'rstrictatime', 'rsuid', 'rsymfollow', 'runbindable', 'rw', 'shared',
  'silent', 'slave', 'strictatime', 'suid', 'symfollow', 'sync', 'tmpcopyup', 'unbindable',
];
