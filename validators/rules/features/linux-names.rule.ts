/**
 * The linux lists of a features document name values config.json can carry.
 * A name the spec does not list is reported as a hint only: seccomp names
 * follow libseccomp, which adds new ones, and kernels add capabilities.
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import type { RequirementId } from '../../../spec/types.js';
import { asArray, at } from '../../json/values.js';
import {
  MEMORY_POLICY_FLAGS,
  MEMORY_POLICY_MODES,
  NAMESPACE_TYPES,
  SECCOMP_ACTIONS,
  SECCOMP_ARCHS,
  SECCOMP_FLAGS,
  SECCOMP_OPERATORS,
} from './names.js';

interface NameList {
  readonly path: readonly string[];
  readonly requirement: RequirementId;
  readonly what: string;
  readonly known: (name: string) => boolean;
}

const among = (list: readonly string[]) => (n: string) => list.includes(n);

const LISTS: readonly NameList[] = [
  { path: ['linux', 'namespaces'], requirement: 'FEATL-NAMESPACES-RECOGNIZED', what: 'namespace type', known: among(NAMESPACE_TYPES) },
  { path: ['linux', 'capabilities'], requirement: 'FEATL-CAPABILITIES-RECOGNIZED', what: 'capability name', known: (n) => /^CAP_[A-Z0-9_]+$/.test(n) },
  { path: ['linux', 'seccomp', 'actions'], requirement: 'FEATL-SECCOMP-ACTIONS-RECOGNIZED', what: 'seccomp action', known: among(SECCOMP_ACTIONS) },
  { path: ['linux', 'seccomp', 'operators'], requirement: 'FEATL-SECCOMP-OPERATORS-RECOGNIZED', what: 'seccomp operator', known: among(SECCOMP_OPERATORS) },
  { path: ['linux', 'seccomp', 'archs'], requirement: 'FEATL-SECCOMP-ARCHS-RECOGNIZED', what: 'seccomp architecture', known: among(SECCOMP_ARCHS) },
  { path: ['linux', 'seccomp', 'knownFlags'], requirement: 'FEATL-SECCOMP-KNOWN-FLAGS-RECOGNIZED', what: 'seccomp flag', known: among(SECCOMP_FLAGS) },
  { path: ['linux', 'seccomp', 'supportedFlags'], requirement: 'FEATL-SECCOMP-SUPPORTED-FLAGS-SUPPORTED', what: 'seccomp flag', known: among(SECCOMP_FLAGS) },
  { path: ['linux', 'memoryPolicy', 'modes'], requirement: 'FEATL-MEMORYPOLICY-MODES-RECOGNIZED', what: 'memory policy mode', known: among(MEMORY_POLICY_MODES) },
  { path: ['linux', 'memoryPolicy', 'flags'], requirement: 'FEATL-MEMORYPOLICY-FLAGS-RECOGNIZED', what: 'memory policy flag', known: among(MEMORY_POLICY_FLAGS) },
];

export default defineRule({
  id: 'features.linux-names',
  requirements: LISTS.map((l) => l.requirement),
  appliesTo: ['features'],
  *check(doc) {
    const out: RuleFinding[] = [];
    for (const l of LISTS) {
      asArray(at(doc, ...l.path)).forEach((n, i) => {
        if (typeof n !== 'string' || l.known(n)) return;
        out.push({
          level: 'INFO',
          pointer: `/${l.path.join('/')}/${i}`,
          requirement: l.requirement,
          message: `${JSON.stringify(n)} is not a ${l.what} the runtime-spec names; a config.json can use it only if the spec or libseccomp/the kernel define it`,
          params: { value: n },
        });
      });
    }
    yield* out;
  },
});
