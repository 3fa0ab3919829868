/** cgroup v1 readers: one directory per controller, the spec's shape out. */
import { defined, deviceLines, listDir, readNumber, readText, v1Bytes } from './files.js';
import type { DeviceRate, ObservedBlockIO, ObservedCpu, ObservedDeviceRule, ObservedHugepageLimit, ObservedMemory, ObservedNetwork } from './types.js';

export async function memoryV1(dir: string): Promise<ObservedMemory> {
  const [limit, reservation, swap, kernel, kernelTCP, swappiness, oom, hier] = await Promise.all([
    readText(dir, 'memory.limit_in_bytes'),
    readText(dir, 'memory.soft_limit_in_bytes'),
    readText(dir, 'memory.memsw.limit_in_bytes'),
    readText(dir, 'memory.kmem.limit_in_bytes'),
    readText(dir, 'memory.kmem.tcp.limit_in_bytes'),
    readNumber(dir, 'memory.swappiness'),
    readText(dir, 'memory.oom_control'),
    readNumber(dir, 'memory.use_hierarchy'),
  ]);
  const oomDisable = oom === undefined ? undefined : /oom_kill_disable\s+1/.test(oom);
  return defined({
    limit: v1Bytes(limit),
    reservation: v1Bytes(reservation),
    swap: v1Bytes(swap),
    kernel: v1Bytes(kernel),
    kernelTCP: v1Bytes(kernelTCP),
    swappiness,
    disableOOMKiller: oomDisable,
    useHierarchy: hier === undefined ? undefined : hier === 1,
  });
}

export async function cpuV1(cpuDir: string | undefined, cpusetDir: string | undefined): Promise<ObservedCpu> {
  const [shares, quota, period, burst, rtRuntime, rtPeriod, idle, cpus, mems] = await Promise.all([
    readNumber(cpuDir, 'cpu.shares'),
    readNumber(cpuDir, 'cpu.cfs_quota_us'),
    readNumber(cpuDir, 'cpu.cfs_period_us'),
    readNumber(cpuDir, 'cpu.cfs_burst_us'),
    readNumber(cpuDir, 'cpu.rt_runtime_us'),
    readNumber(cpuDir, 'cpu.rt_period_us'),
    readNumber(cpuDir, 'cpu.idle'),
    readText(cpusetDir, 'cpuset.cpus'),
    readText(cpusetDir, 'cpuset.mems'),
  ]);
  return defined({ shares, quota, period, burst, realtimeRuntime: rtRuntime, realtimePeriod: rtPeriod, idle, cpus, mems });
}

const rates = (s: string | undefined): DeviceRate[] => deviceLines(s).map((d) => ({ major: d.major, minor: d.minor, rate: Number(d.value) }));

export async function blkioV1(dir: string): Promise<ObservedBlockIO> {
  const [weight, bfqWeight, leaf, wdev, rbps, wbps, riops, wiops] = await Promise.all([
    readNumber(dir, 'blkio.weight'),
    readNumber(dir, 'blkio.bfq.weight'),
    readNumber(dir, 'blkio.leaf_weight'),
    readText(dir, 'blkio.weight_device'),
    readText(dir, 'blkio.throttle.read_bps_device'),
    readText(dir, 'blkio.throttle.write_bps_device'),
    readText(dir, 'blkio.throttle.read_iops_device'),
    readText(dir, 'blkio.throttle.write_iops_device'),
  ]);
  return defined({
    weight: weight ?? bfqWeight,
    leafWeight: leaf,
    weightDevice: wdev === undefined ? undefined : deviceLines(wdev).map((d) => ({ major: d.major, minor: d.minor, weight: Number(d.value) })),
    throttleReadBpsDevice: rbps === undefined ? undefined : rates(rbps),
    throttleWriteBpsDevice: wbps === undefined ? undefined : rates(wbps),
    throttleReadIOPSDevice: riops === undefined ? undefined : rates(riops),
    throttleWriteIOPSDevice: wiops === undefined ? undefined : rates(wiops),
  });
}

/** hugetlb.<size>.limit_in_bytes (v1) or hugetlb.<size>.max (v2), sorted by page size name. */
export async function hugetlb(dir: string, version: 'v1' | 'v2'): Promise<ObservedHugepageLimit[]> {
  const re = version === 'v1' ? /^hugetlb\.([0-9]+[KMG]B)\.limit_in_bytes$/ : /^hugetlb\.([0-9]+[KMG]B)\.max$/;
  const out: ObservedHugepageLimit[] = [];
  for (const f of (await listDir(dir)).sort()) {
    const m = re.exec(f);
    if (!m) continue;
    const t = await readText(dir, f);
    if (t === undefined) continue;
    out.push({ pageSize: m[1]!, limit: t === 'max' ? -1 : version === 'v1' ? (v1Bytes(t) ?? -1) : Number(t) });
  }
  return out;
}

export async function networkV1(clsDir: string | undefined, prioDir: string | undefined): Promise<ObservedNetwork> {
  const [classID, map] = await Promise.all([readNumber(clsDir, 'net_cls.classid'), readText(prioDir, 'net_prio.ifpriomap')]);
  const priorities =
    map === undefined
      ? undefined
      : map
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .filter((p) => p.length === 2)
          .map(([name, prio]) => ({ name: name!, priority: Number(prio) }));
  return defined({ classID, priorities });
}

const num = (s: string | undefined): number | '*' => (s === '*' || s === undefined ? '*' : Number(s));

/** devices.list: 'c 1:3 rwm', 'a *:* rwm'. */
export async function devicesV1(dir: string): Promise<ObservedDeviceRule[] | undefined> {
  const t = await readText(dir, 'devices.list');
  if (t === undefined) return undefined;
  return t
    .split('\n')
    .map((l) => /^([abc])\s+([*\d]+):([*\d]+)\s+([rwm]+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ type: m[1]!, major: num(m[2]), minor: num(m[3]), access: m[4]! }));
}
