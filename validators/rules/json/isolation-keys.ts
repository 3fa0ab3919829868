/**
 * Config properties whose absence leaves a protection to what the host or the
 * runtime gives by default, so a misspelt key (which runtimes MUST ignore,
 * CFG-EXTENSIBILITY-IGNORE) silently weakens the container instead of failing:
 * "namespace" for "namespaces" gives it every host namespace, "maskedPath"
 * leaves /proc/kcore readable, "seccom" runs it unfiltered. A near miss of one
 * of these is a warning; other near misses stay info notes (a misspelt
 * hostname or env changes what runs, visibly, not what the container may reach).
 *
 * The set, and why each is in it (pointers of the key as the spec spells it):
 * - isolation from the host: linux.namespaces (absent: every host namespace),
 *   linux.uidMappings / gidMappings (the user namespace's ids; absent, the
 *   runtime decides), linux.maskedPaths, linux.readonlyPaths (absent: host
 *   /proc and /sys files readable or writable), root.readonly;
 * - privilege: process.capabilities (the spec gives no default set),
 *   process.noNewPrivileges (absent: false), linux.seccomp (absent: no filter),
 *   process.apparmorProfile, process.selinuxLabel, linux.mountLabel (absent:
 *   unconfined or the runtime's label);
 * - limits: linux.resources and its memory, cpu, pids and devices members
 *   (absent: no limit, and no device allowlist), process.rlimits.
 */
export const ISOLATION_KEYS: ReadonlySet<string> = new Set([
  '/linux/namespaces',
  '/linux/uidMappings',
  '/linux/gidMappings',
  '/linux/maskedPaths',
  '/linux/readonlyPaths',
  '/root/readonly',
  '/process/capabilities',
  '/process/noNewPrivileges',
  '/linux/seccomp',
  '/process/apparmorProfile',
  '/process/selinuxLabel',
  '/linux/mountLabel',
  '/linux/resources',
  '/linux/resources/memory',
  '/linux/resources/cpu',
  '/linux/resources/pids',
  '/linux/resources/devices',
  '/process/rlimits',
]);
