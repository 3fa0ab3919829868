/** Kind detection of runtime-spec documents given without --kind. */
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../validators/kinds/index.js';
import type { JsonValue } from '../../../validators/json/parse.js';

const RUNC_STATE = { ociVersion: '1.0.2-dev', id: 'c1', pid: 4242, status: 'created', bundle: '/b', rootfs: '/b/rootfs', created: '2026-11-22T10:00:00Z', owner: '' };

describe('runtime kind detection', () => {
  it.each<[string, JsonValue, string | undefined]>([
    ['runc state output', RUNC_STATE, 'state'],
    ['a state with a runtime-defined status (runc: paused)', { ...RUNC_STATE, status: 'paused' }, 'state'],
    ['a state with a miscapitalised status', { ...RUNC_STATE, status: 'Running' }, 'state'],
    ['a stopped state without pid', { ociVersion: '1.3.0', id: 'c1', status: 'stopped', bundle: '/b' }, 'state'],
    ['runc features output (hooks and linux keys too)', { ociVersionMin: '1.0.0', ociVersionMax: '1.0.2-dev', hooks: ['prestart'], mountOptions: ['ro'], linux: {} }, 'features'],
    ['a features document missing ociVersionMax', { ociVersionMin: '1.0.0', hooks: [] }, 'features'],
    ['a config', { ociVersion: '1.3.0', process: { args: ['sh'] }, root: { path: 'rootfs' }, linux: {} }, 'config'],
    ['a bare config with only ociVersion', { ociVersion: '1.3.0' }, 'config'],
    ['something else', { foo: 1 }, undefined],
    ['an array', ['running'], undefined],
  ])('%s', (_name, doc, kind) => {
    expect(detectKind(doc)?.name).toBe(kind);
  });
});
