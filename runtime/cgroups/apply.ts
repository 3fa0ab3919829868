/**
 * applyResources: works out the writes for linux.resources (resources/*.ts)
 * against the container's cgroups and performs them in order. On cgroup v2 a
 * controller is enabled (cgroup.subtree_control, '+name') from the hierarchy
 * root down to the container's parent before its files are used, as runc does;
 * enabling is left in place afterwards (other cgroups may rely on it by then).
 * Device rules on v2 are an eBPF program attached last (device-program.ts).
 * Any value that cannot be applied is an Error naming the field: create
 * applies every property or fails (runtime.md).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Resources, Spec } from '../spec.js';
import type { CgroupRecord, RecordedCgroup } from './create.js';
import { errText, readCgroupFile, writeCgroupFile } from './fs.js';
import { blkioWrites } from './resources/blkio.js';
import { cpuWritesOf } from './resources/cpu.js';
import { deviceProgramEntries, deviceWrites } from './resources/devices.js';
import { attachDeviceProgram, compileDeviceProgram } from './device-program.js';
import { memoryWrites } from './resources/memory.js';
import { hugetlbWrites, networkWrites, pidsWrites, rdmaWrites, unifiedWrites } from './resources/other.js';
import type { CgroupView, CgroupWrite, Version } from './resources/types.js';

/** Every write linux.resources comes to, in the order they are made (pure given the view). */
export function resourceWrites(r: Resources, spec: Spec, view: CgroupView): CgroupWrite[] {
  return [
    ...cpuWritesOf(r.cpu, view),
    ...memoryWrites(r.memory, view),
    ...pidsWrites(r.pids, view),
    ...blkioWrites(r.blockIO, view),
    ...hugetlbWrites(r.hugepageLimits, view),
    ...networkWrites(r.network, view),
    ...rdmaWrites(r.rdma, view),
    ...deviceWrites(r.devices, spec, view),
    ...unifiedWrites(r.unified, view),
  ];
}

class RecordView implements CgroupView {
  private readonly v2: RecordedCgroup | undefined;
  private readonly enabled = new Set<string>();
  constructor(private readonly rec: CgroupRecord) {
    this.v2 = rec.cgroups.find((c) => c.version === 'v2');
  }
  get unifiedControllers(): readonly string[] | undefined {
    return this.v2?.controllers;
  }
  serving(controller: string): Version | undefined {
    if (this.rec.cgroups.some((c) => c.version === 'v1' && c.controllers.includes(controller))) return 'v1';
    return this.unifiedOffers(controller) ? 'v2' : undefined;
  }
  unifiedOffers(controller: string): boolean {
    return this.v2?.controllers.includes(controller) ?? false;
  }
  cgroupOf(controller: string, version: Version): RecordedCgroup {
    const c = version === 'v2' ? this.v2 : this.rec.cgroups.find((x) => x.version === 'v1' && x.controllers.includes(controller));
    if (!c) throw new Error(`no ${version} cgroup of the container for ${controller}`);
    return c;
  }
  dirOf(controller: string, version: Version): string {
    return this.cgroupOf(controller, version).dir;
  }
  /** Enables a v2 controller in every cgroup from the root down to the container's parent. */
  enable(controller: string): void {
    if (controller === 'cgroup' || this.enabled.has(controller) || !this.v2) return;
    const { mountPoint, dir } = this.v2;
    const chain = [mountPoint];
    for (const seg of relative(mountPoint, dirname(dir)).split('/').filter(Boolean)) chain.push(join(chain[chain.length - 1]!, seg));
    for (const d of chain) {
      const file = join(d, 'cgroup.subtree_control');
      try {
        if (readCgroupFile(file).split(/\s+/).includes(controller)) continue;
        writeCgroupFile(file, `+${controller}`);
      } catch (e) {
        throw new Error(`linux.resources: enabling the ${controller} controller for the container: writing "+${controller}" to ${file}: ${errText(e)}`);
      }
    }
    this.enabled.add(controller);
  }
  has(controller: string, version: Version, file: string): boolean {
    if (version === 'v2') this.enable(controller);
    return existsSync(join(this.dirOf(controller, version), file));
  }
}

export function applyResources(rec: CgroupRecord, r: Resources | undefined, spec: Spec): void {
  if (!r) return;
  const view = new RecordView(rec);
  for (const w of resourceWrites(r, spec, view)) {
    if (w.version === 'v2') view.enable(w.controller);
    const cg = view.cgroupOf(w.controller, w.version);
    const dirs = w.ancestorsFirst ? [...cg.created.filter((d) => d !== cg.dir), cg.dir] : [cg.dir];
    let path = '';
    for (const dir of dirs) {
      path = join(dir, w.file);
      try {
        writeCgroupFile(path, w.value);
      } catch (e) {
        throw new Error(`${w.field}: writing "${w.value}" to ${path}: ${errText(e)}`);
      }
    }
    const wrong = w.verify?.(readCgroupFile(path));
    if (wrong) throw new Error(`${w.field}: ${wrong} (${path})`);
  }
  const program = deviceProgramEntries(r.devices, spec, view);
  if (program) {
    const dir = view.dirOf('', 'v2');
    try {
      attachDeviceProgram(dir, compileDeviceProgram(program));
    } catch (e) {
      throw new Error(`linux.resources.devices: ${(e as Error).message}`);
    }
  }
}
