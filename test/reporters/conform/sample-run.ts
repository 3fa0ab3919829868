/** The run header and case-result base the report tests share: what `oci-conform run` knows of a run on this kind of host. */
import type { HostConditions, HostProfile } from '../../../harness/model.js';
import { REPORT_VERSION, type RunInfo } from '../../../reporters/conform/reporter.js';

/** The profile of this kind of host: hybrid, root, cgroupfs, no LSM. */
export const SAMPLE_PROFILE: HostProfile = {
  name: 'hybrid',
  kernel: '6.18',
  cgroups: { layout: 'hybrid', v1: ['blkio', 'cpu', 'memory'], v2: ['hugetlb'], unifiedMount: '/sys/fs/cgroup/unified' },
  lsm: { active: null, apparmor: false, selinux: false },
  cgroupDriver: 'cgroupfs',
  init: 'systemd',
  user: { uid: 0, rootless: false },
  terms: ['cgroup-v1', 'cgroup-hybrid', 'root', 'cgroupfs'],
};

/** A RunInfo of runc 1.1.5 on a hybrid host; `over` replaces top-level fields, `conditions` the host's. */
export function sampleRunInfo(conditions: HostConditions, over: Partial<RunInfo> = {}): RunInfo {
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'oci-conform', version: '9.9.9' },
    runId: 'octest',
    workDir: '/tmp/oci-conform-x',
    cgroupPrefix: 'oci-conform-octest',
    startedAt: '2026-01-01T00:00:00Z',
    runtime: { binary: '/usr/bin/runc', profile: 'runc', version: 'runc version 1.1.5', chosenBy: 'option' },
    specVersion: '1.0.1',
    configVersion: '1.0.2-dev',
    versionSource: 'features',
    level: 'MUST',
    host: { kernel: '6.18', profile: SAMPLE_PROFILE, cgroups: { mode: 'hybrid', v1: {}, unifiedControllers: [], mountRoots: {} }, conditions, rootfs: 'busybox' },
    selection: { total: 10, selected: 5 },
    jobs: 2,
    timeoutMs: 30000,
    ...over,
  };
}

/** What every sample case result has besides its id and outcome. */
export const SAMPLE_RESULT = { title: 't', file: 'suites/x.case.ts', requirements: ['RT-KILL-SENDS-SIGNAL'], durationMs: 12, calls: [], notes: [], configs: [] } as const;
