/**
 * linux.resources.devices on v1: deny everything ('a'), then the rules in
 * their order (a later rule overrides an earlier one for the same devices),
 * then, as runc does, allow the default devices of config-linux.md and
 * linux.devices so the container can use the nodes it is given. On v2 the
 * rules need an eBPF program (BPF_PROG_TYPE_CGROUP_DEVICE), not implemented:
 * create fails unless the rules come down to allowing everything.
 */
import type { DeviceRule, Resources, Spec } from '../../spec.js';
import { type CgroupView, type CgroupWrite, refuse } from './types.js';

const F = 'linux.resources.devices';

/** config-linux.md's default devices, plus /dev/pts/* (136:*), all rwm. */
const DEFAULTS = ['c 1:3 rwm', 'c 1:5 rwm', 'c 1:7 rwm', 'c 1:8 rwm', 'c 1:9 rwm', 'c 5:0 rwm', 'c 5:1 rwm', 'c 5:2 rwm', 'c 136:* rwm'];

const ACCESS = /^[rwm]{1,3}$/;

function entry(r: DeviceRule, field: string): string {
  const type = r.type ?? 'a';
  if (!['a', 'b', 'c'].includes(type)) refuse(`${field}.type`, `${JSON.stringify(type)} is not a, b or c`);
  const access = r.access ?? 'rwm';
  if (!ACCESS.test(access)) refuse(`${field}.access`, `${JSON.stringify(access)} is not made of r, w and m`);
  const num = (n: number | undefined): string => (n === undefined || n < 0 ? '*' : String(n));
  return `${type} ${num(r.major)}:${num(r.minor)} ${access}`;
}

/** Whether the rules, in order, leave every device allowed for every access (nothing for v2 to enforce). */
function allowsAll(rules: readonly DeviceRule[]): boolean {
  let last = -1;
  rules.forEach((r, i) => {
    if ((r.type ?? 'a') === 'a' && r.major === undefined && r.minor === undefined && [...(r.access ?? 'rwm')].sort().join('') === 'mrw') last = i;
  });
  return last >= 0 && rules[last]!.allow && rules.slice(last + 1).every((r) => r.allow);
}

export function deviceWrites(rules: Resources['devices'], spec: Spec, view: CgroupView): CgroupWrite[] {
  if (!rules || rules.length === 0) return [];
  const entries = rules.map((r, i) => ({ allow: r.allow, line: entry(r, `${F}[${i}]`), field: `${F}[${i}]` }));
  if (view.serving('devices') !== 'v1') {
    if (allowsAll(rules)) return [];
    refuse(F, view.unifiedControllers === undefined ? 'this host has no devices cgroup controller' : 'on cgroup v2 device rules need an eBPF device program (BPF_PROG_TYPE_CGROUP_DEVICE), which oci-ts-runtime does not implement yet');
  }
  const out: CgroupWrite[] = [];
  const w = (field: string, allow: boolean, line: string): void => void out.push({ field, controller: 'devices', version: 'v1', file: allow ? 'devices.allow' : 'devices.deny', value: line });
  w(F, false, 'a');
  for (const e of entries) w(e.field, e.allow, e.line);
  for (const line of DEFAULTS) w(`${F} (default device ${line})`, true, line);
  (spec.linux?.devices ?? []).forEach((d, i) => {
    const type = d.type === 'u' ? 'c' : d.type;
    if ((type === 'c' || type === 'b') && d.major !== undefined && d.minor !== undefined) w(`linux.devices[${i}] (${d.path})`, true, `${type} ${d.major}:${d.minor} rwm`);
  });
  return out;
}
