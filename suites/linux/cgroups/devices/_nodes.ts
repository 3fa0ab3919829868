/**
 * The devices cgroup seen from inside, the same on v1 and v2 (where rules are
 * an eBPF program nobody can read back). Character nodes of major 42 (kept
 * for local/experimental use, so no driver and no runtime default allows
 * them) are made beforehand in the bundle's rootfs, on the host, with
 * mknod(1). Inside, reading one fails with ENXIO ("No such device or
 * address") when the cgroup lets it be opened (no driver behind it), and
 * with EPERM when the cgroup denies it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Makes /oci-dev/d<minor> (c 42 <minor>) in the bundle's rootfs. */
export async function makeNodes(bundle: string, minors: readonly number[]): Promise<void> {
  const dir = join(bundle, 'rootfs', 'oci-dev');
  await mkdir(dir, { recursive: true });
  const { execa } = await import('execa'); // execa on first use: importing it costs more CPU than starting node (bench/README.md, "spawn").
  for (const m of minors) await execa('mknod', [join(dir, `d${m}`), 'c', '42', String(m)]);
}

/** sh: read each node, print "42:<minor>=<error text>" per line. */
export function readScript(minors: readonly number[]): string {
  return minors.map((m) => `out=$(cat /oci-dev/d${m} 2>&1 </dev/null); echo "42:${m}=$out"`).join('; ');
}

export type Verdict = 'allowed' | 'denied' | 'other';

export function parseReads(stdout: string): Record<string, { verdict: Verdict; text: string }> {
  const out: Record<string, { verdict: Verdict; text: string }> = {};
  for (const line of stdout.split('\n')) {
    const m = /^(42:\d+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    const text = m[2]!;
    out[m[1]!] = { verdict: /No such device or address/.test(text) ? 'allowed' : /Operation not permitted/.test(text) ? 'denied' : 'other', text };
  }
  return out;
}
