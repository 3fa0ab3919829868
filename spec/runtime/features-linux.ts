import type { CheckedBy, Requirement } from '../types.js';

/** Static: a hint on names config.json cannot carry; behavioural: the runtime accepts what it lists. */
const BOTH: CheckedBy = { by: 'both' };

function featl(id: string, anchor: string, since: string, summary: string, check: CheckedBy = BOTH): Requirement {
  return { id, spec: 'runtime-spec', keyword: 'MUST', doc: 'features-linux.md', anchor, since, summary, check, platforms: ['linux'] };
}

/** Requirements of runtime-spec features-linux.md (since 1.1.0). */
export const FEATURES_LINUX: readonly Requirement[] = [
  featl('FEATL-NAMESPACES-RECOGNIZED', 'namespaces', '1.1.0', 'Every name in linux.namespaces is recognised as the type of a linux.namespaces entry in config.json.'),
  featl('FEATL-CAPABILITIES-RECOGNIZED', 'capabilities', '1.1.0', 'Every name in linux.capabilities is recognised in the capability sets of process.capabilities in config.json.'),
  featl('FEATL-SECCOMP-ACTIONS-RECOGNIZED', 'seccomp', '1.1.0', 'Every name in linux.seccomp.actions is recognised as a seccomp action (defaultAction, syscalls[].action) in config.json.'),
  featl('FEATL-SECCOMP-OPERATORS-RECOGNIZED', 'seccomp', '1.1.0', 'Every name in linux.seccomp.operators is recognised as syscalls[].args[].op in config.json.'),
  featl('FEATL-SECCOMP-ARCHS-RECOGNIZED', 'seccomp', '1.1.0', 'Every name in linux.seccomp.archs is recognised in linux.seccomp.architectures of config.json.'),
  featl('FEATL-SECCOMP-KNOWN-FLAGS-RECOGNIZED', 'seccomp', '1.1.0', 'Every name in linux.seccomp.knownFlags is recognised in linux.seccomp.flags of config.json.'),
  featl(
    'FEATL-SECCOMP-SUPPORTED-FLAGS-SUPPORTED',
    'seccomp',
    '1.1.0',
    'Every name in linux.seccomp.supportedFlags is both recognised and actually applied in linux.seccomp.flags of config.json.',
  ),
  featl('FEATL-MEMORYPOLICY-MODES-RECOGNIZED', 'memorypolicy', '1.3.0', 'Every name in linux.memoryPolicy.modes is recognised as linux.memoryPolicy.mode in config.json.'),
  featl('FEATL-MEMORYPOLICY-FLAGS-RECOGNIZED', 'memorypolicy', '1.3.0', 'Every name in linux.memoryPolicy.flags is recognised in linux.memoryPolicy.flags of config.json.'),
  featl(
    'FEATL-IDMAP-ENABLED-IF-PARSED',
    'mountextensions',
    '1.2.0',
    'A runtime that reads the uidMappings/gidMappings of mounts reports mountExtensions.idmap.enabled true, even if its support is partial.',
    { by: 'behavioural' },
  ),
];
