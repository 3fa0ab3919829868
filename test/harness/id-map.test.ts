import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { hostIds, parseIdMap, toOutside } from '../../harness/inspect/id-map.js';

describe('id maps as the host reads them', () => {
  it('translates ids inside a user namespace into ours, range by range; unmapped ids are undefined', () => {
    const map = parseIdMap('         0        999          1\n         1    1100000      65536\n');
    expect(map).toEqual([
      { inside: 0, outside: 999, size: 1 },
      { inside: 1, outside: 1100000, size: 65536 },
    ]);
    expect([0, 1, 4242, 65536, 65537].map((id) => toOutside(map, id))).toEqual([999, 1100000, 1104241, 1165535, undefined]);
    expect(toOutside(parseIdMap('0 0 4294967295\n'), 4242)).toBe(4242);
  });

  it('reads a real process: without a user namespace of its own the ids are ours; in one (unshare --map-root-user) root is us', async () => {
    expect(await hostIds(process.pid, 'uid', [0, 4242])).toEqual([0, 4242]);
    const child = spawn('unshare', ['--user', '--map-root-user', 'sh', '-c', 'echo ready; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const inner = Number((await import('node:fs')).readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim()) || child.pid!;
      expect(await hostIds(inner, 'uid', [0, 1])).toEqual([process.getuid!(), undefined]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
