/**
 * runtime-spec's `X.Y.Z-dev` versions, as data.
 *
 * The spec repository sets specs-go/version.go to `X.Y.Z-dev` on its main branch
 * right *after* releasing X.Y.Z, and keeps it there until the next release (or
 * release candidate) is cut. Every tool that vendored the Go types from main
 * between two releases writes that string as ociVersion: runc 1.1, podman 4,
 * buildah 1.28 and containerd 1.6 all write `1.0.2-dev`. So `X.Y.Z-dev` does
 * not precede X.Y.Z, as SemVer precedence would have it: it is X.Y.Z plus
 * whatever landed on main while version.go said so (its "window").
 *
 * Provenance (history of specs-go/version.go in opencontainers/runtime-spec):
 * - 1.0.0-dev: set by 84ba019 right after the v1.0.0 tag (2017-07-12), left by
 *   the v1.0.1 release commit 4e3b926 (2017-10-30);
 * - 1.0.1-dev: set by e566cf6 after v1.0.1, left by the v1.0.2 release commit
 *   c4ee7d1 (2020-03-25);
 * - 1.0.2-dev: set by 1ac6f8d after v1.0.2 (2020-03-25), left by the
 *   v1.1.0-rc.1 release commit 3e013c2 (2023-01-25). v1.1.0-rc.2, rc.3 and
 *   v1.1.0 added more (features.md, the Linux mount option table, the time
 *   namespace, process.scheduler and ioPriority) that no 1.0.2-dev tool saw.
 * Each window's history is linear (v1.0.0 is an ancestor of v1.0.1, and so on),
 * and each release commit changed only version.go and the changelog: the text at
 * the tag that ended a window is the text of the whole window.
 *
 * After 1.1.0-rc.3 the branch writes `X.Y.Z+dev` (build metadata), which SemVer
 * already orders with X.Y.Z; those windows are not modelled (INTERPRETING.md).
 */
import type { RuntimeRequirementId } from './generated/requirement-ids.js';

export interface DevWindow {
  /** The version string main carried, e.g. '1.0.2-dev'. */
  readonly dev: string;
  /** The release it came after. */
  readonly base: string;
  /** The first release after the window, which published what landed in it. */
  readonly release: string;
  /** The git tag whose text is the end of the window (the spec URL of a document at `dev`). */
  readonly endTag: string;
  /**
   * True when `release` was cut straight from the window's end, so everything
   * first released in `release` landed in the window. When false, only entries
   * marked with `dev` did (the rest came in later release candidates).
   */
  readonly whole: boolean;
}

export const RUNTIME_DEV_WINDOWS: readonly DevWindow[] = [
  { dev: '1.0.0-dev', base: '1.0.0', release: '1.0.1', endTag: 'v1.0.1', whole: true },
  { dev: '1.0.1-dev', base: '1.0.1', release: '1.0.2', endTag: 'v1.0.2', whole: true },
  { dev: '1.0.2-dev', base: '1.0.2', release: '1.1.0', endTag: 'v1.1.0-rc.1', whole: false },
];

export type RuntimeDevVersion = '1.0.0-dev' | '1.0.1-dev' | '1.0.2-dev';

/**
 * What runtime-spec main gained under 1.0.2-dev and first released in 1.1.0
 * (present at v1.1.0-rc.1, absent at v1.0.2), with the pull request that
 * brought it. Catalogue entries, schema nodes and enum values carry
 * `dev: '1.0.2-dev'` for these; test/spec/dev-windows.test.ts holds them to it.
 * config.md / config-linux.md / config-zos.md / runtime.md:
 * - #1041 (2020-05) seccomp errnoRet; #1087 (2021-03) defaultErrnoRet and the
 *   rule that both need an action that returns an errno;
 * - #1044 (2020-05) SCMP_ACT_KILL_PROCESS; #1064 (2020-11) SCMP_ACT_KILL_THREAD;
 * - #1074, #1096 (2021-03) SCMP_ACT_NOTIFY, listenerPath, listenerMetadata and
 *   the container process state sent over the listener socket;
 * - #1059 (2020-08) SCMP_ARCH_RISCV64; #1138 (2022-07) and #1161 (2022-09)
 *   SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV;
 * - #1040 (2020-08) linux.resources.unified and its MUSTs;
 * - #1093 (2021-03) memory.kernel / kernelTCP NOT RECOMMENDED;
 * - #1094 (2021-03) capabilities that can't be granted: a logged warning and
 *   SHOULD NOT fail (the 1.0.x MUST-error sentence left at the same time);
 * - #1076 (2021-09) intelRdt enableCMT / enableMBM; #1104 (2021-07) the intelRdt
 *   parameter rules;
 * - #1095 (2021-08) the zos object and its devices;
 * - #1123, #1137 (2021-11, 2022-02) cgroup ownership; the cgroup fitness check;
 * - #1143 (2022-06) mounts[].uidMappings / gidMappings;
 * - #1136 (2022-04) cpu.idle, #1145 (2022-05) its schema; #1120 (2023-01) cpu.burst and its
 *   relation to quota; #1158 (2022-09) memory.checkBeforeUpdate;
 * - #1156 (2022-08) domainname;
 * - #1169 (2023-01) prestart hooks called during create, before createRuntime
 *   (the note that made createRuntime follow prestart left); #1045 (2020-05)
 *   state.pid as seen from the hook's namespace;
 * config-windows.md: #1144 (2022-04) cpu count, shares and maximum are mutually exclusive.
 */
export const DEV_1_0_2 = '1.0.2-dev' as const;

/**
 * Catalogue entries (since 1.1.0) whose sentence was already on main under
 * 1.0.2-dev: checked against the text of v1.1.0-rc.1. Entries of 1.1.0 not
 * listed here arrived in rc.2/rc.3/final (time namespace and timeOffsets, the
 * mount option table, scheduler, ioPriority, features.md, features-linux.md).
 */
export const REQUIREMENTS_LANDED_1_0_2_DEV: readonly RuntimeRequirementId[] = [
  // config-linux.md, control groups and cgroup ownership (#1123, #1137)
  'LNX-CGROUP-FIT-CHECK-ERROR',
  'LNX-CGROUP-OWNER-NOT-V1',
  'LNX-CGROUP-OWNER-NEEDS-CGROUPNS',
  'LNX-CGROUP-OWNER-IFF-RW-MOUNT',
  'LNX-CGROUP-OWNER-NO-MOUNT',
  'LNX-CGROUP-OWNER-DELEGATE-ONLY',
  'LNX-CGROUP-OWNER-MISSING-FILES-NO-FAIL',
  'LNX-CGROUP-OWNER-EXISTING-FILES',
  'LNX-CGROUP-OWNER-FALLBACK-FILES',
  'LNX-CGROUP-OWNER-NO-OTHER-FILES',
  // cpu burst (#1120) and idle (#1136), memory (#1093 kernel memory, #1158 checkBeforeUpdate), unified (#1040)
  'LNX-CPU-BURST-APPLIED',
  'LNX-CPU-IDLE-APPLIED',
  'LNX-CPU-QUOTA-NOT-BELOW-BURST',
  'LNX-CPU-BURST-NOT-ABOVE-QUOTA',
  'LNX-MEMORY-KERNEL-NOT-RECOMMENDED',
  'LNX-MEMORY-KERNELTCP-NOT-RECOMMENDED',
  'LNX-MEMORY-CHECK-BEFORE-UPDATE',
  'LNX-UNIFIED-APPLIED',
  'LNX-UNIFIED-ENABLE-CONTROLLERS',
  'LNX-UNIFIED-WRITE-UNKNOWN',
  'LNX-UNIFIED-MISSING-CONTROLLER-ERROR',
  'LNX-UNIFIED-CONVERSION-ERROR',
  // intelRdt parameter rules (#1104)
  'LNX-RDT-PARAM-RULES',
  // seccomp: errnoRet (#1041, #1087), kill actions (#1044, #1064), listener and its state (#1074, #1096)
  'LNX-SECCOMP-ERRNORET-APPLIED',
  'LNX-SECCOMP-ACTION-KILL-PROCESS',
  'LNX-SECCOMP-ACTION-KILL-THREAD',
  'LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED',
  'LNX-SECCOMP-ERRNO-UNSUPPORTED',
  'LNX-SECCOMP-LISTENER-SOCKET',
  'LNX-SECCOMP-LISTENER-ONE-STATE',
  'LNX-SECCOMP-LISTENER-NO-REUSE',
  'LNX-SECCOMP-LISTENER-CLOSE',
  'LNX-SECCOMP-LISTENER-SEND-ERROR',
  'LNX-SECCOMP-LISTENER-SECCOMPFD',
  'LNX-SECCOMP-METADATA-NEEDS-LISTENER',
  'LNX-SECCOMP-STATE-JSON-PAYLOAD',
  'LNX-SECCOMP-STATE-FDS-SCM-RIGHTS',
  'LNX-SECCOMP-STATE-FDS-FIRST-CALL',
  'LNX-SECCOMP-STATE-OCIVERSION-REQUIRED',
  'LNX-SECCOMP-STATE-PID-REQUIRED',
  'LNX-SECCOMP-STATE-STATE-REQUIRED',
  // config.md: capabilities that can't be granted (#1094), domainname (#1156), prestart during create (#1169)
  'CFG-CAPABILITIES-UNMAPPABLE-WARN',
  'CFG-CAPABILITIES-NO-FAIL',
  'CFG-DOMAINNAME-APPLIED',
  'CFG-HOOKS-PRESTART-AT-CREATE',
  'CFG-HOOKS-PRESTART-BEFORE-CREATERUNTIME',
  // runtime.md: the pid a hook reads (#1045)
  'RT-STATE-PID-HOOK-NAMESPACE',
  // config-zos.md (#1095)
  'ZOS-DEVICES-AVAILABLE',
  'ZOS-DEVICE-TYPE-REQUIRED',
  'ZOS-DEVICE-PATH-REQUIRED',
  'ZOS-DEVICE-PATH-CONFLICT-ERROR',
  'ZOS-DEVICE-MAJOR-MINOR-REQUIRED',
  'ZOS-DEVICE-NO-DUPLICATE',
];
