/**
 * The linux schema is one source for every release: each property must exist
 * exactly in the versions whose config-linux.md defines it.
 */
import { describe, expect, it } from 'vitest';
import { linuxSchema } from '../../../../validators/schemas/runtime/config-linux.js';
import type { Schema } from '../../../../validators/schemas/dsl.js';
import { RUNTIME_SPEC_VERSIONS, inVersionRange } from '../../../../spec/versions.js';

function node(s: Schema | undefined, path: string): Schema | undefined {
  let cur = s;
  for (const k of path.split('.')) {
    const props = cur?.properties as Record<string, Schema> | undefined;
    cur = props?.[k];
  }
  return cur;
}

// property path under linux -> [first version, last version?]
const FIELDS: ReadonlyArray<readonly [string, string, string?]> = [
  ['namespaces', '1.0.0'],
  ['uidMappings', '1.0.0'],
  ['timeOffsets', '1.1.0'],
  ['devices', '1.0.0'],
  ['netDevices', '1.3.0'],
  ['cgroupsPath', '1.0.0'],
  ['resources.memory.useHierarchy', '1.0.2'],
  ['resources.memory.checkBeforeUpdate', '1.1.0'],
  ['resources.cpu.burst', '1.1.0'],
  ['resources.cpu.idle', '1.1.0'],
  ['resources.rdma', '1.0.2'],
  ['resources.unified', '1.1.0'],
  ['resources.pids.limit', '1.0.0'],
  ['intelRdt.l3CacheSchema', '1.0.0'],
  ['intelRdt.closID', '1.0.2'],
  ['intelRdt.memBwSchema', '1.0.2'],
  ['intelRdt.enableCMT', '1.1.0', '1.2.1'],
  ['intelRdt.enableMBM', '1.1.0', '1.2.1'],
  ['intelRdt.schemata', '1.3.0'],
  ['intelRdt.enableMonitoring', '1.3.0'],
  ['memoryPolicy', '1.3.0'],
  ['seccomp.flags', '1.0.2'],
  ['seccomp.defaultErrnoRet', '1.1.0'],
  ['seccomp.listenerPath', '1.1.0'],
  ['seccomp.listenerMetadata', '1.1.0'],
  ['personality', '1.0.2'],
  ['rootfsPropagation', '1.0.0'],
  ['mountLabel', '1.0.0'],
];

describe('linux schema across versions', () => {
  for (const v of RUNTIME_SPEC_VERSIONS) {
    it(`has the properties of ${v}`, () => {
      const s = linuxSchema(v);
      const wrong = FIELDS.filter(([p, first, last]) => (node(s, p) !== undefined) !== inVersionRange(v, first, last)).map(([p]) => p);
      expect(wrong).toEqual([]);
    });
  }

  it('requires pids.limit up to 1.2.1 only', () => {
    expect(node(linuxSchema('1.2.1'), 'resources.pids')?.required).toEqual(['limit']);
    expect(node(linuxSchema('1.3.0'), 'resources.pids')?.required).toBeUndefined();
  });

  it('gives the exact integer kinds of the text', () => {
    const s = linuxSchema('1.3.0');
    const kind = (p: string): unknown => node(s, p)?.['x-int'];
    expect(kind('resources.memory.limit')).toBe('int64');
    expect(kind('resources.cpu.shares')).toBe('uint64');
    expect(kind('resources.cpu.quota')).toBe('int64');
    expect(kind('resources.cpu.period')).toBe('uint64');
    expect(kind('resources.cpu.realtimeRuntime')).toBe('int64');
    expect(kind('resources.blockIO.weight')).toBe('uint16');
    expect(kind('resources.pids.limit')).toBe('int64');
    expect(kind('resources.network.classID')).toBe('uint32');
    const items = (p: string): Schema => node(s, p)?.items as Schema;
    expect(node(items('devices'), 'major')?.['x-int']).toBe('int64');
    expect(node(items('devices'), 'fileMode')?.['x-int']).toBe('uint32');
    expect(node(items('uidMappings'), 'hostID')?.['x-int']).toBe('uint32');
    expect(node(items('resources.hugepageLimits'), 'limit')?.['x-int']).toBe('uint64');
  });
});
