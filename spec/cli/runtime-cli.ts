import type { Requirement } from '../types.js';

/**
 * The runtime command line convention: runtime-tools' docs/command-line-interface.md
 * (the CLI runc, crun and youki follow, which oci-conform drives). It is not part of
 * runtime-spec (runtime.md names the operations, never a command line), so an entry
 * here is a convention: whatever its keyword, oci-conform checks it at SHOULD level
 * (catalogue.ts levelAt), a warning with the default --level MUST. Its `since` is
 * the CLI document's own version.
 */
export const RUNTIME_CLI: readonly Requirement[] = [
  {
    id: 'CLI-CREATE-PID-FILE',
    spec: 'runtime-cli',
    keyword: 'MUST',
    doc: 'docs/command-line-interface.md',
    anchor: 'create',
    since: '1.0.0',
    summary: 'create --pid-file PATH writes the container process id to PATH (a convention of the runtime CLI, not a runtime-spec requirement).',
    check: { by: 'behavioural' },
  },
];
