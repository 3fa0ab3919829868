/** linux.resources pids, hugepageLimits, network, rdma and unified. */
import type { Resources } from '../../spec.js';
import { type CgroupView, type CgroupWrite, need, refuse } from './types.js';

const F = 'linux.resources';

export function pidsWrites(p: Resources['pids'], view: CgroupView): CgroupWrite[] {
  if (!p) return [];
  // 0 is a real limit (no new tasks); only a negative one means none.
  return [{ field: `${F}.pids.limit`, controller: 'pids', version: need(view, 'pids', `${F}.pids.limit`), file: 'pids.max', value: p.limit < 0 ? 'max' : String(p.limit) }];
}

export function hugetlbWrites(h: Resources['hugepageLimits'], view: CgroupView): CgroupWrite[] {
  return (h ?? []).map((l, i) => {
    const field = `${F}.hugepageLimits[${i}]`;
    const version = need(view, 'hugetlb', field);
    const file = version === 'v1' ? `hugetlb.${l.pageSize}.limit_in_bytes` : `hugetlb.${l.pageSize}.max`;
    if (!view.has('hugetlb', version, file)) refuse(field, `the hugetlb cgroup has no ${file}: this host has no ${l.pageSize} huge pages`);
    return { field, controller: 'hugetlb', version, file, value: version === 'v2' && l.limit < 0 ? 'max' : String(l.limit) };
  });
}

export function networkWrites(n: Resources['network'], view: CgroupView): CgroupWrite[] {
  const out: CgroupWrite[] = [];
  if (n?.classID !== undefined) out.push({ field: `${F}.network.classID`, controller: 'net_cls', version: need(view, 'net_cls', `${F}.network.classID`), file: 'net_cls.classid', value: String(n.classID) });
  (n?.priorities ?? []).forEach((p, i) => {
    const field = `${F}.network.priorities[${i}]`;
    if (!/^[^\s/]+$/.test(p.name)) refuse(field, `${JSON.stringify(p.name)} is not an interface name`);
    out.push({ field, controller: 'net_prio', version: need(view, 'net_prio', field), file: 'net_prio.ifpriomap', value: `${p.name} ${p.priority}` });
  });
  return out;
}

export function rdmaWrites(r: Resources['rdma'], view: CgroupView): CgroupWrite[] {
  return Object.entries(r ?? {}).flatMap(([dev, l]) => {
    const field = `${F}.rdma[${JSON.stringify(dev)}]`;
    const parts = [l.hcaHandles !== undefined ? `hca_handle=${l.hcaHandles}` : '', l.hcaObjects !== undefined ? `hca_object=${l.hcaObjects}` : ''].filter(Boolean);
    if (parts.length === 0) return [];
    if (!/^\S+$/.test(dev)) refuse(field, 'not a device name');
    return [{ field, controller: 'rdma', version: need(view, 'rdma', field), file: 'rdma.max', value: `${dev} ${parts.join(' ')}` }];
  });
}

/**
 * unified: each key is a file of the container's cgroup in the unified
 * hierarchy, named <controller>.<name>; the controller must be one the
 * unified hierarchy offers (it is enabled for the container as needed), or
 * 'cgroup' for the core files.
 */
export function unifiedWrites(u: Resources['unified'], view: CgroupView): CgroupWrite[] {
  return Object.entries(u ?? {}).map(([key, value]) => {
    const field = `${F}.unified[${JSON.stringify(key)}]`;
    const m = /^([a-z_]+)\.[A-Za-z0-9_.-]+$/.exec(key);
    if (!m || key.includes('..')) refuse(field, 'not the name of a cgroup file (<controller>.<name>)');
    const controller = m[1]!;
    if (view.unifiedControllers === undefined) refuse(field, 'this host has no unified (cgroup v2) hierarchy');
    if (controller !== 'cgroup' && !view.unifiedOffers(controller)) refuse(field, `the unified hierarchy has no ${controller} controller (it offers: ${view.unifiedControllers.join(', ') || 'none'})`);
    if (!view.has(controller, 'v2', key)) refuse(field, `the container's unified cgroup has no file ${key}`);
    return { field, controller, version: 'v2' as const, file: key, value };
  });
}
