/**
 * config.json, from runtime-spec config.md (platform sections live in their own files).
 * What depends on the platform (root required, args required, absolute paths) or
 * on other documents (root.path in the bundle) is left to validators/rules/config/.
 */
import type { Schema } from '../dsl.js';
import { arr, bool, enumOf, int, mapOf, obj, req, str } from '../dsl.js';
import { since } from './since.js';
import { reached } from '../../../spec/versions.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';
import { GO_INT, hookSchema, idMappingSchema, strings } from './shared.js';
import { linuxSchema } from './config-linux.js';
import { windowsSchema } from './config-windows.js';
import { solarisSchema } from './config-solaris.js';
import { vmSchema } from './config-vm.js';
import { zosSchema } from './config-zos.js';
import { freebsdSchema } from './config-freebsd.js';

const SCHED_POLICIES = ['SCHED_OTHER', 'SCHED_FIFO', 'SCHED_RR', 'SCHED_BATCH', 'SCHED_ISO', 'SCHED_IDLE', 'SCHED_DEADLINE'];
const SCHED_FLAGS = [
  'SCHED_FLAG_RESET_ON_FORK',
  'SCHED_FLAG_RECLAIM',
  'SCHED_FLAG_DL_OVERRUN',
  'SCHED_FLAG_KEEP_POLICY',
  'SCHED_FLAG_KEEP_PARAMS',
  'SCHED_FLAG_UTIL_CLAMP_MIN',
  'SCHED_FLAG_UTIL_CLAMP_MAX',
];
const IOPRIO_CLASSES = ['IOPRIO_CLASS_RT', 'IOPRIO_CLASS_BE', 'IOPRIO_CLASS_IDLE'];

/**
 * A node whose presence is one requirement and whose value is another: the
 * inner schema sits one level down (allOf) so that its errors map to the
 * inner requirement while a missing property maps to the outer one.
 */
function validValue(inner: Schema): Schema {
  return { allOf: [req('CFG-VALID-VALUES-ERROR', inner)] };
}

function rootSchema(): Schema {
  return obj({ path: req('CFG-ROOT-PATH-REQUIRED', str()), readonly: bool() }, { required: ['path'] });
}

function mountSchema(version: string): Schema {
  return obj(
    {
      destination: req('CFG-MOUNT-DESTINATION-REQUIRED', str()),
      source: str(),
      options: strings(),
      type: str(),
      uidMappings: since('1.1.0', version, arr(idMappingSchema()), DEV_1_0_2),
      gidMappings: since('1.1.0', version, arr(idMappingSchema()), DEV_1_0_2),
    },
    { required: ['destination'] },
  );
}

function rlimitSchema(): Schema {
  return obj(
    {
      type: req('CFG-RLIMIT-TYPE-REQUIRED', str()),
      soft: req('CFG-RLIMIT-SOFT-REQUIRED', int('uint64')),
      hard: req('CFG-RLIMIT-HARD-REQUIRED', int('uint64')),
    },
    { required: ['type', 'soft', 'hard'] },
  );
}

function capabilitiesSchema(): Schema {
  return obj({ effective: strings(), bounding: strings(), inheritable: strings(), permitted: strings(), ambient: strings() });
}

function schedulerSchema(): Schema {
  return obj(
    {
      policy: req('CFG-SCHEDULER-POLICY-REQUIRED', validValue(enumOf(SCHED_POLICIES))),
      nice: int('int32'),
      priority: int('int32'),
      flags: arr(validValue(enumOf(SCHED_FLAGS))),
      runtime: int('uint64'),
      deadline: int('uint64'),
      period: int('uint64'),
    },
    { required: ['policy'] },
  );
}

/** uid and gid are REQUIRED on POSIX platforms only (a Windows user has a username): see rule config.process.user-ids. */
function userSchema(version: string): Schema {
  return obj(
    {
      uid: req('CFG-USER-UID-REQUIRED', int('uint32')),
      gid: req('CFG-USER-GID-REQUIRED', int('uint32')),
      umask: since('1.0.2', version, int('uint32')),
      additionalGids: arr(int('uint32')),
      username: str(),
    },
  );
}

function processSchema(version: string): Schema {
  return obj(
    {
      terminal: bool(),
      consoleSize: obj(
        {
          height: req('CFG-PROCESS-CONSOLESIZE-HEIGHT-REQUIRED', int('uint64')),
          width: req('CFG-PROCESS-CONSOLESIZE-WIDTH-REQUIRED', int('uint64')),
        },
        { required: ['height', 'width'] },
      ),
      cwd: req('CFG-PROCESS-CWD-REQUIRED', str()),
      env: strings(),
      // up to 1.0.1 args is required on every platform; later the rule config.process.args decides by platform
      args: req('CFG-PROCESS-ARGS-REQUIRED', strings()),
      commandLine: since('1.0.2', version, str()),
      rlimits: arr(rlimitSchema()),
      apparmorProfile: str(),
      capabilities: capabilitiesSchema(),
      noNewPrivileges: bool(),
      oomScoreAdj: int(GO_INT),
      scheduler: since('1.1.0', version, schedulerSchema()),
      selinuxLabel: str(),
      ioPriority: since(
        '1.1.0',
        version,
        obj(
          {
            class: req('CFG-IOPRIORITY-CLASS-REQUIRED', validValue(enumOf(IOPRIO_CLASSES))),
            priority: req('CFG-IOPRIORITY-PRIORITY-REQUIRED', int(GO_INT)),
          },
          { required: ['class', 'priority'] },
        ),
      ),
      execCPUAffinity: since('1.2.1', version, obj({ initial: str(), final: str() })),
      user: userSchema(version),
    },
    { required: !reached(version, '1.0.2') ? ['cwd', 'args'] : ['cwd'] },
  );
}

function hooks(): Schema {
  return arr(hookSchema());
}

function hooksSchema(version: string): Schema {
  return obj({
    prestart: hooks(),
    createRuntime: since('1.0.2', version, hooks()),
    createContainer: since('1.0.2', version, hooks()),
    startContainer: since('1.0.2', version, hooks()),
    poststart: hooks(),
    poststop: hooks(),
  });
}

export function configSchema(version: string): Schema {
  return obj(
    {
      ociVersion: req('CFG-OCIVERSION-REQUIRED', str()),
      root: rootSchema(),
      mounts: arr(mountSchema(version)),
      process: processSchema(version),
      hostname: str(),
      domainname: since('1.1.0', version, str(), DEV_1_0_2),
      hooks: hooksSchema(version),
      annotations: req('CFG-ANNOTATIONS-MAP', mapOf(req('CFG-ANNOTATIONS-VALUE-STRING', str()))),
      linux: linuxSchema(version),
      windows: windowsSchema(version),
      solaris: solarisSchema(version),
      vm: vmSchema(version),
      zos: zosSchema(version),
      freebsd: freebsdSchema(version),
    },
    // a node without a requirement of its own: an invalid value, which runtimes must refuse
    { required: ['ociVersion'], requirement: 'CFG-VALID-VALUES-ERROR' },
  );
}
