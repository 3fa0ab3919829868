import type { DocumentKind } from './kind.js';
import { prop, asString, isObject } from '../json/values.js';
import { LATEST_RUNTIME_SPEC, resolveRuntimeVersion, compareVersions, parseSemVer } from '../../spec/versions.js';

const STATUSES = new Set(['creating', 'created', 'running', 'stopped']);
const CONFIG_KEYS = ['process', 'root', 'mounts', 'hooks', 'linux', 'windows', 'solaris', 'vm', 'zos', 'freebsd', 'hostname'];

/**
 * The version a declared one is validated as (spec/versions.ts, `X.Y.Z-dev`
 * included). A 1.x older than the first version that defines the kind (a
 * 1.0.0-rc, or a features document of 1.0.2-dev, from before features.md) is
 * validated as that first version; another major is unknown (undefined).
 */
function resolveAtLeast(oldest: string) {
  return (declared: string): string | undefined => {
    const sv = parseSemVer(declared);
    if (!sv || sv.major !== 1) return undefined;
    const v = resolveRuntimeVersion(declared);
    return v && compareVersions(v, oldest) >= 0 ? v : oldest;
  };
}

export const CONFIG: DocumentKind = {
  name: 'config',
  spec: 'runtime-spec',
  title: 'runtime config (config.json)',
  detect: (d) => {
    if (!isObject(d)) return 0;
    const hits = CONFIG_KEYS.filter((k) => k in d).length;
    return (typeof d.ociVersion === 'string' ? 0.4 : 0) + Math.min(hits, 3) * 0.2;
  },
  declaredVersion: (d) => asString(prop(d, 'ociVersion')),
  resolveVersion: resolveAtLeast('1.0.0'),
  latest: LATEST_RUNTIME_SPEC,
  oldest: '1.0.0',
};

export const STATE: DocumentKind = {
  name: 'state',
  spec: 'runtime-spec',
  title: 'runtime state',
  detect: (d) => {
    if (!isObject(d)) return 0;
    const status = asString(d.status);
    // Runtimes may add states of their own (runc reports 'paused'): any status string counts, a standard one more.
    const statusScore = status === undefined ? 0 : STATUSES.has(status) ? 0.5 : 0.3;
    return statusScore + ('id' in d ? 0.2 : 0) + ('bundle' in d ? 0.2 : 0) + ('pid' in d ? 0.05 : 0);
  },
  declaredVersion: (d) => asString(prop(d, 'ociVersion')),
  resolveVersion: resolveAtLeast('1.0.0'),
  latest: LATEST_RUNTIME_SPEC,
  oldest: '1.0.0',
};

export const FEATURES: DocumentKind = {
  name: 'features',
  spec: 'runtime-spec',
  title: 'runtime features',
  detect: (d) => {
    if (!isObject(d)) return 0;
    return ('ociVersionMin' in d ? 0.45 : 0) + ('ociVersionMax' in d ? 0.45 : 0) + ('mountOptions' in d || 'hooks' in d ? 0.05 : 0);
  },
  declaredVersion: (d) => asString(prop(d, 'ociVersionMax')),
  resolveVersion: resolveAtLeast('1.1.0'),
  latest: LATEST_RUNTIME_SPEC,
  oldest: '1.1.0',
};
