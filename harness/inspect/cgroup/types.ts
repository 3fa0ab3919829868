/**
 * The cgroup vocabulary, importing nothing: where the host's hierarchies are
 * (`CgroupLayout`), and linux.resources read back from cgroupfs, in the spec's own shape (numbers
 * in the config's units; unlimited is -1). Fields the host's cgroup version
 * can't show are absent. A few fields exist only as the host shows them
 * (`cpu.weight`, `blockIO` from io.max on v2): see docs/WRITING-CASES.md.
 */
export interface ObservedMemory {
  limit?: number;
  reservation?: number;
  /** memory+swap, as the spec means it (v2: memory.swap.max + memory.max). */
  swap?: number;
  kernel?: number;
  kernelTCP?: number;
  swappiness?: number;
  disableOOMKiller?: boolean;
  useHierarchy?: boolean;
}

export interface ObservedCpu {
  /** v1 only. */
  shares?: number;
  /** v2 only: cpu.weight (what shares were converted to). */
  weight?: number;
  quota?: number;
  period?: number;
  burst?: number;
  realtimeRuntime?: number;
  realtimePeriod?: number;
  cpus?: string;
  mems?: string;
  idle?: number;
}

export interface DeviceWeight {
  major: number;
  minor: number;
  weight?: number;
  leafWeight?: number;
}

export interface DeviceRate {
  major: number;
  minor: number;
  rate: number;
}

export interface ObservedBlockIO {
  /** On v1 the blkio scale (10-1000); on v2 the scale of `weightFile`. */
  weight?: number;
  leafWeight?: number;
  weightDevice?: DeviceWeight[];
  /**
   * v2 only: the file `weight` and `weightDevice` come from. io.bfq.weight keeps the blkio scale; io.weight
   * has its own (1-10000), so compare through a conversion (inspect/cgroup/conversions.ts).
   */
  weightFile?: 'io.bfq.weight' | 'io.weight';
  throttleReadBpsDevice?: DeviceRate[];
  throttleWriteBpsDevice?: DeviceRate[];
  throttleReadIOPSDevice?: DeviceRate[];
  throttleWriteIOPSDevice?: DeviceRate[];
}

export interface ObservedHugepageLimit {
  pageSize: string;
  limit: number;
}

export interface ObservedNetwork {
  classID?: number;
  priorities?: { name: string; priority: number }[];
}

export interface ObservedDeviceRule {
  type: string;
  major: number | '*';
  minor: number | '*';
  access: string;
}

export interface ObservedResources {
  memory?: ObservedMemory;
  cpu?: ObservedCpu;
  pids?: { limit?: number };
  blockIO?: ObservedBlockIO;
  hugepageLimits?: ObservedHugepageLimit[];
  network?: ObservedNetwork;
  rdma?: Record<string, { hcaHandles?: number; hcaObjects?: number }>;
  /** v1 devices.list (v2 device rules are eBPF programs: not readable as data). */
  devices?: ObservedDeviceRule[];
}

/** Which cgroup hierarchies the host has, and where (harness/inspect/cgroup-layout.ts reads it). */
export interface CgroupLayout {
  readonly mode: 'v1' | 'v2' | 'hybrid' | 'none';
  /** v1 controller (or 'name=systemd') -> mount point. */
  readonly v1: Readonly<Record<string, string>>;
  /** Mount point of the cgroup2 hierarchy, if any. */
  readonly unified?: string;
  /** Controllers enabled in the cgroup2 root (cgroup.controllers). */
  readonly unifiedControllers: readonly string[];
  /** Mount point -> the cgroup path mounted there ('/' on a host; deeper inside a container). */
  readonly mountRoots: Readonly<Record<string, string>>;
}
