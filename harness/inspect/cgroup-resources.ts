/**
 * The resources a process's cgroups enforce, read from cgroupfs on v1, v2 and
 * hybrid hosts alike and returned in the spec's `linux.resources` shape, so a
 * case compares like with like:
 *
 *   const seen = await readCgroupResources(await ctx.pid(), ctx.host.cgroups);
 *   ctx.expectMatch('LNX-...', 'pids', { limit: 50 }, seen.pids);
 *
 * Each controller is read where this host serves it (controllerVersion).
 */
import type { CgroupLayout } from './cgroup-layout.js';
import { cgroupDir, controllerVersion } from './cgroup-layout.js';
import { readProcCgroups, type ProcCgroups } from './proc-cgroup.js';
import { blkioV1, cpuV1, devicesV1, hugetlb, memoryV1, networkV1 } from './cgroup/v1.js';
import { cpuV2, ioV2, memoryV2, pidsLimit, rdma, readUnified } from './cgroup/v2.js';
import type { ObservedResources } from './cgroup/types.js';

export type * from './cgroup/types.js';
export { readUnified };

export async function readCgroupResources(pid: number | 'self', layout: CgroupLayout): Promise<ObservedResources> {
  return readResourcesOf(await readProcCgroups(pid), layout);
}

/** The same, from already-read /proc/<pid>/cgroup paths. */
export async function readResourcesOf(paths: ProcCgroups, layout: CgroupLayout): Promise<ObservedResources> {
  const dir = (c: string): string | undefined => cgroupDir(layout, paths, c);
  const ver = (c: string): 'v1' | 'v2' | undefined => controllerVersion(layout, c);
  const out: ObservedResources = {};
  const memDir = dir('memory');
  if (memDir) out.memory = ver('memory') === 'v1' ? await memoryV1(memDir) : await memoryV2(memDir);
  if (ver('cpu') === 'v1' || ver('cpuset') === 'v1') out.cpu = await cpuV1(dir('cpu'), dir('cpuset'));
  else if (ver('cpu') === 'v2' || ver('cpuset') === 'v2') {
    const d = dir('cpu') ?? dir('cpuset');
    if (d) out.cpu = await cpuV2(d);
  }
  const pidsDir = dir('pids');
  if (pidsDir) out.pids = { limit: await pidsLimit(pidsDir) };
  const blkDir = ver('blkio') === 'v1' ? dir('blkio') : undefined;
  const ioDir = ver('io') === 'v2' ? dir('io') : undefined;
  if (blkDir) out.blockIO = await blkioV1(blkDir);
  else if (ioDir) out.blockIO = await ioV2(ioDir);
  const hugeDir = dir('hugetlb');
  const hugeVer = ver('hugetlb');
  if (hugeDir && hugeVer) out.hugepageLimits = await hugetlb(hugeDir, hugeVer);
  if (ver('net_cls') === 'v1' || ver('net_prio') === 'v1') out.network = await networkV1(dir('net_cls'), dir('net_prio'));
  const rdmaDir = dir('rdma');
  if (rdmaDir) out.rdma = await rdma(rdmaDir);
  if (ver('devices') === 'v1') {
    const d = dir('devices');
    const list = d ? await devicesV1(d) : undefined;
    if (list) out.devices = list;
  }
  return out;
}

export { BFQ_WEIGHT, CPU_WEIGHT, IO_WEIGHT, blkioToIoWeight, conversionsGiving, sharesToWeightLinear, sharesToWeightQuadratic, type WeightConversion } from './cgroup/conversions.js';
