import { describe, expect, it } from 'vitest';
import { parseIdMap, readIdMap } from '../../../suites/linux/namespaces/_lib/idmap.js';

describe('id map reader', () => {
  it('parses the kernel layout, one range per line', () => {
    expect(parseIdMap('         0          0          1\n         1     100001      65535\n')).toEqual([
      { containerID: 0, hostID: 0, size: 1 },
      { containerID: 1, hostID: 100001, size: 65535 },
    ]);
  });

  it('reads our own uid_map: the initial namespace maps everything', async () => {
    expect(await readIdMap(process.pid, 'uid_map')).toEqual([{ containerID: 0, hostID: 0, size: 4294967295 }]);
  });
});
