import type { CheckedBy, Keyword, Requirement } from '../types.js';

const BEHAVIOURAL: CheckedBy = { by: 'behavioural' };
const STATIC: CheckedBy = { by: 'static' };
const BOTH: CheckedBy = { by: 'both' };

function rt(
  id: string,
  keyword: Keyword,
  anchor: string,
  since: string,
  summary: string,
  check: CheckedBy = BEHAVIOURAL,
  extra: Partial<Pick<Requirement, 'until' | 'changes' | 'platforms' | 'basis'>> = {},
): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'runtime.md', anchor, since, summary, check, ...extra };
}

/**
 * Requirements of runtime-spec runtime.md: the state document, the lifecycle,
 * errors and warnings, and the operations. Mostly behavioural: oci-conform
 * cases cite these ids, so they are stable and say what they check.
 */
export const RUNTIME: readonly Requirement[] = [
  // Scope of a container
  rt('RT-SCOPE-SAME-ENTITY-OPERATIONS', 'MUST', 'scope-of-a-container', '1.0.0', 'Whoever creates a container through a runtime can run every operation of the spec on that same container.'),

  // State
  rt('RT-STATE-OCIVERSION-REQUIRED', 'REQUIRED', 'state', '1.0.0', 'The state has an ociVersion string naming the runtime-spec version the state follows.', STATIC),
  rt('RT-STATE-ID-REQUIRED', 'REQUIRED', 'state', '1.0.0', 'The state has an id string: the container ID (a non-empty one).', STATIC),
  rt('RT-STATE-ID-UNIQUE', 'MUST', 'state', '1.0.0', 'A container ID is unique among all containers on the host (not necessarily across hosts).'),
  rt('RT-STATE-STATUS-REQUIRED', 'REQUIRED', 'state', '1.0.0', 'The state has a status string giving the runtime state of the container.', STATIC),
  rt(
    'RT-STATE-STATUS-VALUES',
    'MUST',
    'state',
    '1.0.0',
    'A status outside creating/created/running/stopped may only name a new, runtime-defined state, never stand in for one of the four standard ones.',
    BOTH,
  ),
  rt('RT-STATE-PID-REQUIRED-LINUX', 'REQUIRED', 'state', '1.0.0', 'On Linux the state has an integer pid (the container process) whenever status is created or running.', BOTH, {
    platforms: ['linux'],
  }),
  rt('RT-STATE-BUNDLE-REQUIRED', 'REQUIRED', 'state', '1.0.0', 'The state has a bundle string: where the container bundle directory is.', STATIC),
  rt('RT-STATE-BUNDLE-ABSOLUTE', 'REQUIRED', 'state', '1.0.0', 'The bundle property of the state is an absolute path to the bundle directory.', BOTH),
  rt('RT-STATE-JSON-SCHEMA', 'MUST', 'state', '1.0.0', 'The state serialised as JSON has the shape the spec defines for it (its JSON Schema since 1.1.0).', BOTH),
  rt(
    'RT-STATE-PID-HOOK-NAMESPACE',
    'IMPLIED',
    'state',
    '1.1.0',
    'The state a hook reads gives the pid as seen from where the hook runs: the runtime namespace for runtime hooks, the container one for container hooks (up to 1.0.2 always as the host sees it).',
    BEHAVIOURAL,
    { basis: 'CFG-HOOKS-STATE-STDIN' },
  ),

  // Lifecycle
  rt('RT-LIFECYCLE-CREATE-ENVIRONMENT', 'MUST', 'lifecycle', '1.0.0', 'Step 2: create builds the container environment as config.json describes it.'),
  rt('RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', 'MUST', 'lifecycle', '1.0.0', 'Step 2: when the environment of config.json cannot be built, create fails with an error.'),
  rt('RT-LIFECYCLE-CREATE-RESOURCES', 'MUST', 'lifecycle', '1.0.0', 'Step 2: every resource config.json asks for exists once create has finished.'),
  rt('RT-LIFECYCLE-CREATE-PROGRAM-NOT-RUN', 'MUST NOT', 'lifecycle', '1.0.0', 'Step 2: the user program of process is not run during create.'),
  rt('RT-LIFECYCLE-CONFIG-CHANGES-IGNORED', 'MUST NOT', 'lifecycle', '1.0.0', 'Changes to config.json after create have no effect on the container.'),
  rt(
    'RT-HOOK-PRESTART-INVOKED',
    'MUST',
    'lifecycle',
    '1.0.0',
    'The runtime runs the prestart hooks (the lifecycle has them after start up to 1.0.1 and within create since 1.0.2; config.md of 1.0.2 still says after start, see CFG-HOOKS-PRESTART-AT-START).',
  ),
  rt('RT-HOOK-PRESTART-FAIL-ERROR', 'MUST', 'lifecycle', '1.0.0', 'A failing prestart hook makes the runtime report an error, stop the container and go on to destroy it.'),
  rt('RT-HOOK-CREATERUNTIME-INVOKED', 'MUST', 'lifecycle', '1.0.2', 'The runtime runs the createRuntime hooks during create.'),
  rt('RT-HOOK-CREATERUNTIME-FAIL-ERROR', 'MUST', 'lifecycle', '1.0.2', 'A failing createRuntime hook makes the runtime report an error, stop the container and go on to destroy it.'),
  rt('RT-HOOK-CREATECONTAINER-INVOKED', 'MUST', 'lifecycle', '1.0.2', 'The runtime runs the createContainer hooks during create.'),
  rt('RT-HOOK-CREATECONTAINER-FAIL-ERROR', 'MUST', 'lifecycle', '1.0.2', 'A failing createContainer hook makes the runtime report an error, stop the container and go on to destroy it.'),
  rt('RT-HOOK-STARTCONTAINER-INVOKED', 'MUST', 'lifecycle', '1.0.2', 'The runtime runs the startContainer hooks after start is called, before the user program.'),
  rt('RT-HOOK-STARTCONTAINER-FAIL-ERROR', 'MUST', 'lifecycle', '1.0.2', 'A failing startContainer hook makes the runtime report an error, stop the container and go on to destroy it.'),
  rt('RT-LIFECYCLE-RUN-PROGRAM', 'MUST', 'lifecycle', '1.0.0', 'After start, the runtime runs the user program described by process.'),
  rt('RT-HOOK-POSTSTART-INVOKED', 'MUST', 'lifecycle', '1.0.0', 'The runtime runs the poststart hooks once the user program has been started.'),
  rt(
    'RT-HOOK-POSTSTART-FAIL-WARN',
    'MUST',
    'lifecycle',
    '1.0.0',
    'Up to 1.2.1: a failing poststart hook only makes the runtime log a warning; the other hooks and the lifecycle go on.',
    BEHAVIOURAL,
    { until: '1.2.1' },
  ),
  rt(
    'RT-HOOK-POSTSTART-FAIL-ERROR',
    'MUST',
    'lifecycle',
    '1.3.0',
    'Since 1.3.0: a failing poststart hook makes the runtime report an error, stop the container and go on to destroy it.',
  ),
  rt('RT-LIFECYCLE-DESTROY', 'MUST', 'lifecycle', '1.0.0', 'Destroying a container undoes what create did.'),
  rt('RT-HOOK-POSTSTOP-INVOKED', 'MUST', 'lifecycle', '1.0.0', 'The runtime runs the poststop hooks after the container is destroyed.'),
  rt('RT-HOOK-POSTSTOP-FAIL-WARN', 'MUST', 'lifecycle', '1.0.0', 'A failing poststop hook only makes the runtime log a warning; the other hooks and the lifecycle go on.'),

  // Errors and warnings
  rt('RT-ERROR-STATE-UNCHANGED', 'MUST', 'errors', '1.0.0', 'An operation that fails with an error leaves the environment as it was before (apart from trivia such as logs).'),
  rt('RT-WARNING-CONTINUE', 'MUST', 'warnings', '1.0.0', 'An operation that logs a warning carries on as if no warning had been logged.'),

  // Operations
  rt('RT-OPERATIONS-SUPPORTED', 'MUST', 'operations', '1.0.0', 'A runtime supports the state, create, start, kill and delete operations.'),
  rt('RT-QUERY-STATE-NO-ID-ERROR', 'MUST', 'query-state', '1.0.0', 'state without a container ID fails with an error.'),
  rt('RT-QUERY-STATE-NONEXISTENT-ERROR', 'MUST', 'query-state', '1.0.0', 'state of a container that does not exist fails with an error.'),
  // A reading, not a sentence: the state's annotations MAY be absent or empty "if no annotations were provided",
  // which implies they are there when the config has some; not a keyword of the text, so at most a warning.
  rt('RT-STATE-ANNOTATIONS-GIVEN', 'SHOULD', 'state', '1.0.0', "our reading: when the config has annotations, the state's annotations property holds them"),
  rt('RT-QUERY-STATE-RETURNS-STATE', 'MUST', 'query-state', '1.0.0', 'state prints the container state in the form the State section defines.'),
  rt('RT-CREATE-MISSING-ARGS-ERROR', 'MUST', 'create', '1.0.0', 'create without a bundle path or without a container ID fails with an error.'),
  rt('RT-CREATE-DUPLICATE-ID-ERROR', 'MUST', 'create', '1.0.0', 'create with an ID already used by a container of this runtime fails with an error.'),
  rt('RT-CREATE-INVALID-ID-ERROR', 'MUST', 'create', '1.0.0', 'create with an ID the runtime considers invalid fails with an error.'),
  rt('RT-CREATE-REJECTED-ID-NO-CONTAINER', 'MUST NOT', 'create', '1.0.0', 'A create refused for a duplicate or invalid ID leaves no new container behind.'),
  rt('RT-CREATE-NEW-CONTAINER', 'MUST', 'create', '1.0.0', 'A successful create makes a new container.'),
  rt('RT-CREATE-APPLY-CONFIG', 'MUST', 'create', '1.0.0', 'create applies every property of config.json other than process.'),
  rt('RT-CREATE-PROCESS-NOT-RUN', 'MUST NOT', 'create', '1.0.0', 'process.args is not acted on before the start operation.'),
  rt('RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', 'MUST', 'create', '1.0.0', 'When a property of config.json cannot be applied as given, create fails with an error.'),
  rt('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', 'MUST NOT', 'create', '1.0.0', 'A create that failed on a property it could not apply leaves no new container behind.'),
  rt('RT-START-NO-ID-ERROR', 'MUST', 'start', '1.0.0', 'start without a container ID fails with an error.'),
  rt('RT-START-NOT-CREATED-NO-EFFECT', 'MUST', 'start', '1.0.0', 'start on a container whose status is not created changes nothing about it.'),
  rt('RT-START-NOT-CREATED-ERROR', 'MUST', 'start', '1.0.0', 'start on a container whose status is not created fails with an error.'),
  rt('RT-START-RUNS-PROCESS', 'MUST', 'start', '1.0.0', 'start runs the user program described by process.'),
  rt('RT-START-NO-PROCESS-ERROR', 'MUST', 'start', '1.0.0', 'start fails with an error when config.json has no process.'),
  rt('RT-KILL-NO-ID-ERROR', 'MUST', 'kill', '1.0.0', 'kill without a container ID fails with an error.'),
  rt('RT-KILL-NOT-RUNNING-NO-EFFECT', 'MUST', 'kill', '1.0.0', 'kill on a container that is neither created nor running changes nothing about it.'),
  rt('RT-KILL-NOT-RUNNING-ERROR', 'MUST', 'kill', '1.0.0', 'kill on a container that is neither created nor running fails with an error.'),
  rt('RT-KILL-SENDS-SIGNAL', 'MUST', 'kill', '1.0.0', 'kill delivers the given signal to the container process.'),
  rt('RT-DELETE-NO-ID-ERROR', 'MUST', 'delete', '1.0.0', 'delete without a container ID fails with an error.'),
  rt('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'MUST', 'delete', '1.0.0', 'delete on a container that is not stopped changes nothing about it.'),
  rt('RT-DELETE-NOT-STOPPED-ERROR', 'MUST', 'delete', '1.0.0', 'delete on a container that is not stopped fails with an error.'),
  rt('RT-DELETE-REMOVES-RESOURCES', 'MUST', 'delete', '1.0.0', 'delete removes the resources that create made for the container.'),
  rt('RT-DELETE-FOREIGN-RESOURCES-KEPT', 'MUST NOT', 'delete', '1.0.0', 'delete leaves alone resources tied to the container that it did not create (e.g. a joined namespace).'),
];
