/**
 * The `linux` object of config.json, from runtime-spec config-linux.md, for
 * every released version (fields gated with since()/until()). Enumerations
 * hold every value any version lists: a value newer than the declared version
 * is reported by the rule linux.newer-enum-value, not by the schema.
 * Where the prose and the published schema disagree we follow the prose
 * (docs/schema-vs-prose.md, section config-linux.md).
 */
import type { Schema } from '../dsl.js';
import { arr, bool, enumOf, int, mapOf, obj, req, str, until } from '../dsl.js';
import { since } from './since.js';
import type { RuntimeDevVersion } from '../../../spec/versions.js';
import { compareVersions, reached } from '../../../spec/versions.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';
import {
  CGROUP_DEVICE_TYPES,
  DEVICE_TYPES,
  MEMPOLICY_FLAGS,
  MEMPOLICY_MODES,
  NAMESPACE_TYPES,
  PERSONALITY_DOMAINS,
  ROOTFS_PROPAGATION,
  SECCOMP_ACTIONS,
  SECCOMP_ARCHES,
  SECCOMP_FLAGS,
  SECCOMP_OPERATORS,
} from '../../rules/linux/constants.js';

const names = (list: readonly { readonly value: string }[]): string[] => list.map((e) => e.value);

/** A property present from `first` to `last` (both inclusive). */
function between(first: string, last: string, version: string, schema: Schema, dev?: RuntimeDevVersion): Schema | undefined {
  const s = since(first, version, schema, dev);
  return s && until(last, version, s);
}

function idMapping(): Schema {
  return obj(
    {
      containerID: req('LNX-IDMAP-CONTAINERID-REQUIRED', int('uint32')),
      hostID: req('LNX-IDMAP-HOSTID-REQUIRED', int('uint32')),
      size: req('LNX-IDMAP-SIZE-REQUIRED', int('uint32')),
    },
    { required: ['containerID', 'hostID', 'size'] },
  );
}

function namespace(): Schema {
  return obj({ type: req('LNX-NS-TYPE-VALID', enumOf(names(NAMESPACE_TYPES))), path: str() }, { required: ['type'] });
}

function device(): Schema {
  return obj(
    {
      type: req('LNX-DEVICES-TYPE-VALID', enumOf(DEVICE_TYPES)),
      path: req('LNX-DEVICES-PATH-REQUIRED', str()),
      major: req('LNX-DEVICES-MAJOR-MINOR-REQUIRED', int('int64')),
      minor: req('LNX-DEVICES-MAJOR-MINOR-REQUIRED', int('int64')),
      fileMode: int('uint32'),
      uid: int('uint32'),
      gid: int('uint32'),
    },
    { required: ['type', 'path'] },
  );
}

function throttle(kind: 'BPS' | 'IOPS'): Schema {
  const mm = `LNX-BLKIO-THROTTLE-${kind}-MAJOR-MINOR-REQUIRED` as const;
  return obj(
    { major: req(mm, int('int64')), minor: req(mm, int('int64')), rate: req(`LNX-BLKIO-THROTTLE-${kind}-RATE-REQUIRED`, int('uint64')) },
    { required: ['major', 'minor', 'rate'] },
  );
}

function blockIO(): Schema {
  const mm = 'LNX-BLKIO-WEIGHTDEVICE-MAJOR-MINOR-REQUIRED';
  return obj({
    weight: int('uint16'),
    leafWeight: int('uint16'),
    weightDevice: arr(
      obj(
        { major: req(mm, int('int64')), minor: req(mm, int('int64')), weight: int('uint16'), leafWeight: int('uint16') },
        { required: ['major', 'minor'] },
      ),
    ),
    throttleReadBpsDevice: arr(throttle('BPS')),
    throttleWriteBpsDevice: arr(throttle('BPS')),
    throttleReadIOPSDevice: arr(throttle('IOPS')),
    throttleWriteIOPSDevice: arr(throttle('IOPS')),
  });
}

function resources(v: string): Schema {
  const pidsLimitRequired = compareVersions(v, '1.2.1') <= 0;
  return obj({
    devices: arr(
      obj(
        {
          allow: req('LNX-CGDEV-ALLOW-REQUIRED', bool()),
          type: enumOf(CGROUP_DEVICE_TYPES),
          major: int('int64'),
          minor: int('int64'),
          access: str(),
        },
        { required: ['allow'] },
      ),
    ),
    memory: obj({
      limit: int('int64'),
      reservation: int('int64'),
      swap: int('int64'),
      kernel: int('int64'),
      kernelTCP: int('int64'),
      swappiness: int('uint64', { maximum: 100 }),
      disableOOMKiller: bool(),
      useHierarchy: since('1.0.2', v, bool()),
      checkBeforeUpdate: since('1.1.0', v, bool(), DEV_1_0_2),
    }),
    cpu: obj({
      shares: int('uint64'),
      quota: int('int64'),
      burst: since('1.1.0', v, int('uint64'), DEV_1_0_2),
      period: int('uint64'),
      realtimeRuntime: int('int64'),
      realtimePeriod: int('uint64'),
      cpus: str(),
      mems: str(),
      idle: since('1.1.0', v, int('int64'), DEV_1_0_2),
    }),
    blockIO: blockIO(),
    hugepageLimits: arr(
      obj(
        {
          // The <size><unit>B form is spelt out from 1.0.2 on; 1.0.0 and 1.0.1 only say "hugepage size".
          pageSize: req('LNX-HUGEPAGE-PAGESIZE-REQUIRED', reached(v, '1.0.2') ? str({ pattern: '^[1-9][0-9]*[KMGTPE]B$' }) : str()),
          limit: req('LNX-HUGEPAGE-LIMIT-REQUIRED', int('uint64')),
        },
        { required: ['pageSize', 'limit'] },
      ),
    ),
    network: obj({
      classID: int('uint32'),
      priorities: arr(
        obj(
          { name: req('LNX-NETWORK-PRIORITY-NAME-REQUIRED', str()), priority: req('LNX-NETWORK-PRIORITY-PRIORITY-REQUIRED', int('uint32')) },
          { required: ['name', 'priority'] },
        ),
      ),
    }),
    pids: obj(
      { limit: pidsLimitRequired ? req('LNX-PIDS-LIMIT-REQUIRED', int('int64')) : int('int64') },
      { required: pidsLimitRequired ? ['limit'] : [] },
    ),
    rdma: since('1.0.2', v, mapOf(obj({ hcaHandles: int('uint32'), hcaObjects: int('uint32') }))),
    unified: since('1.1.0', v, mapOf(str()), DEV_1_0_2),
  });
}

function intelRdt(v: string): Schema {
  return obj({
    closID: since('1.0.2', v, str()),
    l3CacheSchema: str(),
    memBwSchema: since('1.0.2', v, str()),
    schemata: since('1.3.0', v, arr(str())),
    enableMonitoring: since('1.3.0', v, bool()),
    enableCMT: between('1.1.0', '1.2.1', v, bool(), DEV_1_0_2),
    enableMBM: between('1.1.0', '1.2.1', v, bool(), DEV_1_0_2),
  });
}

function seccomp(v: string): Schema {
  const action = enumOf(names(SECCOMP_ACTIONS));
  return obj(
    {
      defaultAction: req('LNX-SECCOMP-DEFAULT-ACTION-REQUIRED', action),
      defaultErrnoRet: since('1.1.0', v, int('uint32'), DEV_1_0_2),
      architectures: arr(enumOf(names(SECCOMP_ARCHES))),
      flags: since('1.0.2', v, arr(enumOf(names(SECCOMP_FLAGS)))),
      listenerPath: since('1.1.0', v, str(), DEV_1_0_2),
      listenerMetadata: since('1.1.0', v, str(), DEV_1_0_2),
      syscalls: arr(
        obj(
          {
            // The non-empty MUST sits in its own branch so that its violation cites its own id.
            names: req('LNX-SECCOMP-SYSCALL-NAMES-REQUIRED', arr(str(), { allOf: [req('LNX-SECCOMP-SYSCALL-NAMES-NONEMPTY', { minItems: 1 })] })),
            action: req('LNX-SECCOMP-SYSCALL-ACTION-REQUIRED', action),
            errnoRet: since('1.1.0', v, int('uint32'), DEV_1_0_2),
            args: arr(
              obj(
                {
                  index: req('LNX-SECCOMP-ARG-INDEX-REQUIRED', int('uint32')),
                  value: req('LNX-SECCOMP-ARG-VALUE-REQUIRED', int('uint64')),
                  valueTwo: int('uint64'),
                  op: req('LNX-SECCOMP-ARG-OP-REQUIRED', enumOf(SECCOMP_OPERATORS)),
                },
                { required: ['index', 'value', 'op'] },
              ),
            ),
          },
          { required: ['names', 'action'] },
        ),
      ),
    },
    { required: ['defaultAction'] },
  );
}

export function linuxSchema(version: string): Schema {
  const v = version;
  return obj({
    namespaces: arr(namespace()),
    uidMappings: arr(idMapping()),
    gidMappings: arr(idMapping()),
    timeOffsets: since('1.1.0', v, mapOf(obj({ secs: int('int64'), nanosecs: int('uint32') }))),
    devices: arr(device()),
    netDevices: since('1.3.0', v, mapOf(obj({ name: str() }))),
    cgroupsPath: str(),
    resources: resources(v),
    intelRdt: intelRdt(v),
    memoryPolicy: since(
      '1.3.0',
      v,
      obj(
        { mode: req('LNX-MEMPOLICY-MODE-REQUIRED', enumOf(MEMPOLICY_MODES)), nodes: str(), flags: arr(enumOf(MEMPOLICY_FLAGS)) },
        { required: ['mode'] },
      ),
    ),
    sysctl: mapOf(str()),
    seccomp: seccomp(v),
    rootfsPropagation: enumOf(ROOTFS_PROPAGATION),
    maskedPaths: arr(str()),
    readonlyPaths: arr(str()),
    mountLabel: str(),
    personality: since(
      '1.0.2',
      v,
      obj({ domain: req('LNX-PERSONALITY-DOMAIN-REQUIRED', enumOf(PERSONALITY_DOMAINS)), flags: arr(str()) }, { required: ['domain'] }),
    ),
  });
}
