/**
 * The features document, from runtime-spec features.md and features-linux.md
 * (1.1.0 and later). Every property but ociVersionMin and ociVersionMax may be
 * null as well as absent, at any depth, so those nodes are `nullable`.
 * Value lists (namespaces, seccomp actions, ...) are open here: names the spec
 * does not list are reported as hints by validators/rules/features/.
 */
import type { Schema } from '../dsl.js';
import { arr, bool, mapOf, obj, req, str } from '../dsl.js';
import { since } from './since.js';

/** Absent or null (features.md); only applied to properties that are present in this version. */
function opt(schema: Schema | undefined): Schema | undefined {
  return schema === undefined ? undefined : { ...schema, nullable: true };
}

const names = (): Schema => arr(str());
const flag = (): Schema | undefined => opt(bool());
const enabledOnly = (): Schema => obj({ enabled: flag() });

function linuxFeatures(v: string): Schema {
  return obj({
    namespaces: opt(names()),
    capabilities: opt(names()),
    cgroup: opt(obj({ v1: flag(), v2: flag(), systemd: flag(), systemdUser: flag(), rdma: flag() })),
    seccomp: opt(
      obj({
        enabled: flag(),
        actions: opt(names()),
        operators: opt(names()),
        archs: opt(names()),
        knownFlags: opt(names()),
        supportedFlags: opt(names()),
      }),
    ),
    apparmor: opt(enabledOnly()),
    selinux: opt(enabledOnly()),
    intelRdt: opt(
      obj({
        enabled: flag(),
        schemata: opt(since('1.3.0', v, bool())),
        monitoring: opt(since('1.3.0', v, bool())),
      }),
    ),
    mountExtensions: opt(since('1.2.0', v, obj({ idmap: opt(enabledOnly()) }))),
    memoryPolicy: opt(since('1.3.0', v, obj({ modes: opt(names()), flags: opt(names()) }))),
    netDevices: opt(since('1.3.0', v, enabledOnly())),
  });
}

export function featuresSchema(version: string): Schema {
  return obj(
    {
      ociVersionMin: req('FEAT-OCIVERSIONMIN-REQUIRED', str()),
      ociVersionMax: req('FEAT-OCIVERSIONMAX-REQUIRED', str()),
      hooks: opt(names()),
      mountOptions: opt(names()),
      linux: opt(linuxFeatures(version)),
      annotations: opt(req('FEAT-ANNOTATIONS-FORMAT', mapOf(str()))),
      potentiallyUnsafeConfigAnnotations: opt(since('1.2.0', version, names())),
    },
    { required: ['ociVersionMin', 'ociVersionMax'], requirement: 'FEAT-PROPERTY-FORM' },
  );
}
