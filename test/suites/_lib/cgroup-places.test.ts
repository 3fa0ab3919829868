import { describe, expect, it } from 'vitest';
import { layoutFromMounts } from '../../../harness/inspect/cgroup-layout.js';
import { parseMountinfo } from '../../../harness/inspect/mountinfo.js';
import { parseProcCgroup } from '../../../harness/inspect/proc-cgroup.js';
import { cgroupPlaces, dirExists, label, placesOf } from '../../../suites/_lib/cgroup-places.js';
import { detectCgroupLayout } from '../../../harness/inspect/cgroup-layout.js';
import { parseReads } from '../../../suites/linux/cgroups/devices/_nodes.js';
import { hostDisk } from '../../../suites/linux/cgroups/_lib/disk.js';

const HYBRID = [
  '32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
  '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
  '40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd',
  '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
].join('\n');

describe('cgroup places', () => {
  it('maps each v1 controller and the unified line to cgroupfs directories, leaving named hierarchies out', () => {
    const layout = layoutFromMounts(parseMountinfo(HYBRID, 'test'));
    const proc = parseProcCgroup('1:cpu:/a/b\n4:memory:/p/a/b\n9:name=systemd:/\n0::/a/b\n');
    const places = placesOf(proc, layout);
    expect(places.map((p) => [label(p), p.path, p.dir])).toEqual([
      ['cpu', '/a/b', '/sys/fs/cgroup/cpu/a/b'],
      ['memory', '/p/a/b', '/sys/fs/cgroup/memory/p/a/b'],
      ['unified', '/a/b', '/sys/fs/cgroup/unified/a/b'],
    ]);
  });

  it("finds this process's own cgroup directories on the real host", async () => {
    const places = await cgroupPlaces('self', await detectCgroupLayout());
    for (const p of places) expect(await dirExists(p.dir)).toBe(true);
    expect(await dirExists('/nonexistent/oci-conform')).toBe(false);
    expect(await dirExists(undefined)).toBe(false);
  });

  it('finds a real block device with major:minor numbers, or none', async () => {
    const d = await hostDisk();
    if (d) {
      expect(Number.isInteger(d.major) && d.major > 0).toBe(true);
      expect(d.name).not.toMatch(/^(loop|ram|zram)/);
    }
  });

  it('tells allowed (ENXIO) from denied (EPERM) device opens', () => {
    expect(parseReads('42:1=cat: can\'t open \'/oci-dev/d1\': No such device or address\n42:2=cat: can\'t open \'/oci-dev/d2\': Operation not permitted\n42:3=\n')).toEqual({
      '42:1': { verdict: 'allowed', text: "cat: can't open '/oci-dev/d1': No such device or address" },
      '42:2': { verdict: 'denied', text: "cat: can't open '/oci-dev/d2': Operation not permitted" },
      '42:3': { verdict: 'other', text: '' },
    });
  });
});
