/**
 * Broken runtimes for tests: bash wrappers around the real runc, each changing
 * one behaviour, written to a temp dir at test time. Everything they do not
 * change goes to runc, so the harness's own cleanup (delete --force) removes
 * what they leave.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const RUNC = '/usr/bin/runc';

/** The shell prologue: `$sub` is the subcommand (the first argument that names one), `$@` the arguments. */
const PROLOGUE = `#!/bin/bash
sub=
for a in "$@"; do case "$a" in create|start|state|kill|delete|features|run|exec|ps|list|pause|resume|events|update|spec) sub=$a; break;; esac; done
`;

export const WRAPPERS = {
  /** kill says yes and does nothing. */
  'noop-kill': `[ "$sub" = kill ] && exit 0\nexec ${RUNC} "$@"\n`,
  /** start says yes and runs nothing: the container stays created. */
  'noop-start': `[ "$sub" = start ] && exit 0\nexec ${RUNC} "$@"\n`,
  /** create never writes the --pid-file. */
  'no-pid-file': `args=(); skip=0\nfor a in "$@"; do if [ $skip = 1 ]; then skip=0; continue; fi; case "$a" in --pid-file) skip=1;; --pid-file=*) ;; *) args+=("$a");; esac; done\nexec ${RUNC} "\${args[@]}"\n`,
  /** no --pid-file, and state says pid 1 (the host's init). */
  'state-pid-1': `args=(); skip=0\nfor a in "$@"; do if [ $skip = 1 ]; then skip=0; continue; fi; case "$a" in --pid-file) skip=1;; *) args+=("$a");; esac; done\nif [ "$sub" = state ]; then out=$(${RUNC} "\${args[@]}"); rc=$?; printf '%s\\n' "$out" | sed -E 's/"pid": *[0-9]+/"pid": 1/'; exit $rc; fi\nexec ${RUNC} "\${args[@]}"\n`,
  /** create always fails, as on a host where the runtime can't run anything. */
  'refuses-host': `[ "$sub" = create ] && { echo "cannot run containers on this host" >&2; exit 1; }\nexec ${RUNC} "$@"\n`,
} as const;

export type WrapperName = keyof typeof WRAPPERS;

/** Writes the wrapper into `dir` and returns its path. */
export async function writeWrapper(dir: string, name: WrapperName): Promise<string> {
  const path = join(dir, `${name}-runtime`);
  await writeFile(path, PROLOGUE + WRAPPERS[name], { mode: 0o755 });
  return path;
}
