/** The field under test, derived from a case's config: what revertOps and fieldOps make of typical deltas. */
import { describe, expect, it } from 'vitest';
import { ConfigBuilder } from '../../../fixtures/config.js';
import { FIELD_OVERRIDES, fieldOps, revertOps } from './plan.js';

const V = '1.0.2-dev';
const config = (f: (c: ConfigBuilder) => ConfigBuilder): ReturnType<ConfigBuilder['build']> => f(ConfigBuilder.base(V)).withCgroupsPath('p/x-1-c').build();

describe('revertOps', () => {
  it('drops added keys, drops appended elements last first, sets changed or removed values back', () => {
    expect(revertOps({ a: 1, l: [1] }, { a: 2, b: { c: 1 }, l: [1, 2, 3] })).toEqual([
      { op: 'set', path: ['a'], value: 1 },
      { op: 'del', path: ['l', 2] },
      { op: 'del', path: ['l', 1] },
      { op: 'del', path: ['b'] },
    ]);
    expect(revertOps({ l: [1, 2] }, { l: [2, 1] })).toEqual([{ op: 'set', path: ['l'], value: [1, 2] }]);
    expect(revertOps({ a: { b: 1 } }, {})).toEqual([{ op: 'set', path: ['a'], value: { b: 1 } }]);
  });
});

describe('fieldOps', () => {
  it("leaves out process.args, ociVersion and the harness's own cgroupsPath", () => {
    const rec = { name: 'c', config: config((c) => c.withScript('echo hi').withPidsLimit(50)) };
    expect(fieldOps(rec, ['LNX-PIDS-APPLIED'], V, 'p/x-1-c')).toEqual([{ op: 'del', path: ['linux', 'resources', 'pids'] }]);
    expect(fieldOps(rec, ['LNX-PIDS-APPLIED'], V, 'p/other')).toContainEqual({ op: 'del', path: ['linux', 'cgroupsPath'] });
  });

  it('for a case citing a mount-option requirement, keeps the mount and drops its options but bind', () => {
    const rec = { name: 'c', config: config((c) => c.withMount({ destination: '/m', type: 'bind', source: '/dev', options: ['bind', 'nosuid', 'ro'] })) };
    expect(fieldOps(rec, ['CFG-MOUNT-OPTIONS-APPLIED'], V, 'p/x-1-c')).toEqual([{ op: 'set', path: ['mounts', 6, 'options'], value: ['bind'] }]);
    expect(fieldOps(rec, ['CFG-MOUNT-APPLIED'], V, 'p/x-1-c')).toEqual([{ op: 'del', path: ['mounts', 6] }]);
  });

  it('overrides name the field where the delta does not: a namespace the minimal config has too', () => {
    const rec = { name: 'c', config: config((c) => c.withoutNamespace('ipc').withNamespace('ipc')) };
    const ops = FIELD_OVERRIDES['linux.namespaces.create.ipc']!.ops(rec);
    expect(ops).toEqual([{ op: 'set', path: ['linux', 'namespaces'], value: [{ type: 'pid' }, { type: 'network' }, { type: 'uts' }, { type: 'mount' }] }]);
  });
});
