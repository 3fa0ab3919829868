/** The console header: runtime, version, host and every condition, so any skip can be explained. */
import type { Paint } from './colors.js';
import type { RunInfo } from './reporter.js';
import { describeCgroups, describeHost } from './host-line.js';

export function headerLines(i: RunInfo, p: Paint): string[] {
  const lines = [
    p.bold(`oci-conform ${i.tool.version}`) + p.dim(` run ${i.runId}`),
    `runtime   ${i.runtime.binary} (${i.runtime.version || 'unknown version'}), profile ${i.runtime.profile}${i.runtime.chosenBy === 'default' ? ' [default: first found]' : ''}`,
    `spec      runtime-spec ${i.specVersion} (configs say ${i.configVersion}; from ${i.versionSource}), level ${i.level}`,
    // A report of an older version (merge of old shards) may lack the profile.
    ...(i.host.profile
      ? [`host      ${describeHost(i.host.profile)}, rootfs ${i.host.rootfs}`, `cgroups   ${describeCgroups(i.host.profile)}`]
      : [`host      Linux ${i.host.kernel}, cgroups ${i.host.cgroups.mode}, rootfs ${i.host.rootfs}`]),
  ];
  const ok = Object.entries(i.host.conditions).filter(([, s]) => s.ok).map(([c]) => c);
  lines.push(`conditions met: ${ok.join(', ') || 'none'}`);
  for (const [c, s] of Object.entries(i.host.conditions)) if (!s.ok) lines.push(p.dim(`  not met: ${c}: ${s.reason}`));
  const shard = i.selection.shard ? `, shard ${i.selection.shard.index}/${i.selection.shard.total}` : '';
  lines.push(`cases     ${i.selection.selected} of ${i.selection.total}${shard}, ${i.jobs} jobs, timeout ${i.timeoutMs} ms`);
  return lines;
}
