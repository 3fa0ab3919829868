/**
 * The case door: everything a case needs, in one import. One case, one file
 * (`suites/<spec area>/<name>.case.ts`), one default export made with
 * `defineCase`. Cases are discovered by the build (scripts/build.ts writes
 * harness/generated/cases.ts), never listed by hand.
 *
 * A case imports this module, the shared helpers of suites/_lib/, and its own
 * area's `_lib/`; nothing else of ours (test/architecture.test.ts holds that).
 * What it finds here:
 * - the model: `defineCase` and the types of a case, its context and its evidence (harness/model.ts);
 * - the config builder and its types (fixtures/config.ts), and the in-container probe script (fixtures/inside.ts);
 * - the host readers: /proc status, mountinfo, namespaces, limits, process facts, cgroup places and resources,
 *   capabilities; each reader of /proc/<pid> skips the case when that pid is not the container process;
 * - the context helpers for the common pairs: start and hold (`startHeld`), a config a runtime may refuse
 *   (`attempt`, `createOrRefusal`), state without a verdict (`rawState`);
 * - a state document's check (`stateErrors`) and the validator itself (`validateDocument`);
 * - spec facts a case may need at run time: version order, catalogue lookups, the mount-option table.
 * See docs/WRITING-CASES.md.
 */

// the model
export { CaseAbort, CaseSkip, defineCase } from '../harness/model.js';
export type {
  CaseContext,
  CaseDefinition,
  CaseModule,
  ConfigFn,
  ContainerHandle,
  Evidence,
  RawRuntime,
  Violation,
} from '../harness/model.js';
export type { Condition, HostConditions } from '../harness/conditions.js';
export type { CallRecord } from '../harness/driver/record.js';
export { succeeded } from '../harness/driver/record.js';
export { parseState, type ContainerState } from '../harness/driver/state.js';

// configs
export { ConfigBuilder } from '../fixtures/config.js';
export type { CapabilitySets, Hook, HookKind, IdMapping, JsonObject, NamespaceType, OciConfig } from '../fixtures/config.js';
export { insideScript, type InsideResult } from '../fixtures/inside.js';

// host readers
export { readStatus, type ProcStatus } from '../harness/inspect/status.js';
export { hostIds } from '../harness/inspect/id-map.js';
export { mountAt, readMountinfo, type MountEntry } from '../harness/inspect/mountinfo.js';
export { NS_FILE, namespaceId, sameNamespace } from '../harness/inspect/namespaces.js';
export { parseLimits, readLimits, RLIM_INFINITY } from '../harness/inspect/limits.js';
export {
  personalityDomain,
  readCmdline,
  readEnviron,
  readIoPriority,
  readOomScoreAdj,
  readPersonality,
  readSched,
  readTimensOffsets,
} from '../harness/inspect/process.js';
export { readProcFile, readProcLink, requireHostView } from '../harness/inspect/host-view.js';
export { cgroupDir, type CgroupLayout } from '../harness/inspect/cgroup-layout.js';
export { readProcCgroups, type ProcCgroups } from '../harness/inspect/proc-cgroup.js';
export { readCgroupResources, readUnified, type ObservedBlockIO, type ObservedResources } from '../harness/inspect/cgroup-resources.js';
export { BFQ_WEIGHT, CPU_WEIGHT, IO_WEIGHT, conversionsGiving, type WeightConversion } from '../harness/inspect/cgroup-resources.js';
export { CAPABILITY_NAMES } from '../harness/inspect/capabilities.js';

// context helpers
export { waitForExec } from '../harness/context.js';
export { attempt, createOrRefusal, HOLD, holdAfter, rawState, startHeld, type Attempt } from '../harness/case-helpers.js';

// spec facts
export { inVersionRange, reached } from '../spec/versions.js';
export { requirement } from '../spec/catalogue.js';
export type { Level, RequirementId } from '../spec/types.js';
export { LINUX_MOUNT_OPTIONS } from '../spec/runtime/config.js';

// documents a runtime prints, checked by our own validator
import { validateDocument } from '../validators/document.js';
export { validateDocument };

/**
 * A state document, as a runtime printed it (or handed it to a hook), checked
 * by our own validator (validators/document.ts) as kind 'state': the errors
 * at MUST level, one line each ("/pid: pid is missing ..."), empty when the
 * document is valid. The version is the one the document declares.
 */
export async function stateErrors(text: string, name = 'state.json'): Promise<string[]> {
  try {
    const r = await validateDocument(name, text, { kind: 'state' });
    return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.pointer || '/'}: ${d.message} [${d.rule}]`);
  } catch (e) {
    return [`not checkable: ${(e as Error).message}`];
  }
}
