import { readFile } from 'node:fs/promises';
import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** The host's default huge page size as the spec writes it ('2MB'), from /proc/meminfo. */
async function pageSize(): Promise<string | undefined> {
  const m = /^Hugepagesize:\s+(\d+) kB/m.exec(await readFile('/proc/meminfo', 'utf8').catch(() => ''));
  if (!m) return undefined;
  const kb = Number(m[1]);
  return kb % 1048576 === 0 ? `${kb / 1048576}GB` : kb % 1024 === 0 ? `${kb / 1024}MB` : `${kb}KB`;
}

/** hugepageLimits for the default page size, 4 pages: hugetlb.<size>.limit_in_bytes (v1) or hugetlb.<size>.max (v2). */
export default defineCase({
  id: 'linux.cgroups.hugetlb.limit',
  title: 'hugepageLimits sets the hugetlb limit of the container cgroup',
  requirements: ['LNX-HUGEPAGE-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'hugetlb'],
  run: async (ctx) => {
    const size = (await pageSize()) ?? ctx.skip('the kernel reports no huge page size');
    const bytes = Number(size.slice(0, -2)) * (size.endsWith('GB') ? 1 << 30 : size.endsWith('MB') ? 1 << 20 : 1 << 10) * 4;
    const c = await ctx.another('huge', (b) => b.withResources({ hugepageLimits: [{ pageSize: size, limit: bytes }] }));
    await applied(ctx, [{ what: `hugepageLimits[${size}]`, pick: (o) => o.hugepageLimits?.find((h) => h.pageSize === size), expected: { pageSize: size, limit: bytes } }], applies('LNX-HUGEPAGE-APPLIED'), undefined, c);
  },
});
