#!/bin/sh
":" /*
# oci-ts-runtime's launcher: this file is a shell script, and below this comment the CommonJS entry that node runs.
# It starts Node without NODE_EXTRA_CA_CERTS (the runtime makes no TLS connection; the bundle costs some 40 ms of
# every start). For `create` of a config that wants a new pid namespace, and names no user or time namespace, no
# prestart or createRuntime hook and no seccomp listener (a guess from its text; the command decides before anything
# exists), it runs create in place (runtime/create-in-place.ts): the command itself as PID 1 of a new pid namespace,
# which becomes the container's init, so create is one Node start instead of two. We wait for the outcome it tells
# on fd 9 (its stderr is its fd 6 until it takes it back): 0 created, 75 made the usual way (create.ts, run here), 70 failed with something made (the same command
# line runs again to remove it), any other the exit status of a failed create.
unset NODE_EXTRA_CA_CERTS OCI_TS_RUNTIME_IN_PLACE OCI_TS_RUNTIME_CLEAN_UP
cmd= want= bundle=. other=
for a do
  if [ -n "$want" ]; then
    [ "$want" = bundle ] && bundle=$a
    want=
    continue
  fi
  case $a in
    --root|--log|--log-format|--pid-file) want=value ;;
    -b|--bundle) want=bundle ;;
    --bundle=*) bundle=${a#--bundle=} ;;
    --root=*|--log=*|--log-format=*|--pid-file=*|--debug|--no-pivot|--no-new-keyring) ;;
    -*) other=1 ;;
    *) [ -n "$cmd" ] || cmd=$a ;;
  esac
done
# (root only: -O / is true for the owner of /; a pid namespace is not ours to make otherwise. stdio open: a
# redirection of a closed one would end this shell)
if [ "$cmd" = create ] && [ -z "$other" ] && [ -O / ] && [ -r "$bundle/config.json" ] && command -v unshare > /dev/null &&
  [ -e /proc/$$/fd/0 ] && [ -e /proc/$$/fd/1 ] && [ -e /proc/$$/fd/2 ]; then
  found=$(grep -oE '"type"[[:space:]]*:[[:space:]]*"(pid|user|time)"|"(prestart|createRuntime|listenerPath)"' "$bundle/config.json")
  case $found in
    *user* | *time* | *prestart* | *createRuntime* | *listenerPath*) ;;
    *pid*)
      # fd 9 of the command is the pipe; its stdin and stdout are ours (a background job's stdin would be /dev/null);
      # our stderr is its fd 6, which it makes its fd 2 first thing: unshare, which waits beside the container for
      # its life, has /dev/null (it would write to the container's stderr when the container is killed by SIGKILL)
      exec 7<&0 8>&1
      # after any outcome but created we read on to the pipe's end, which is the command's exit and unshare's: create
      # returns with nothing of it running
      { OCI_TS_RUNTIME_IN_PLACE=$$ unshare --pid --fork --kill-child node "$0" "$@" 0<&7 9>&1 1>&8 6>&2 2>/dev/null 7<&- 8>&- & } |
        { read -r outcome; [ "$outcome" = 0 ] || while read -r _; do :; done; exit "${outcome:-99}"; }
      outcome=$?
      exec 7<&- 8>&-
      case $outcome in
        75) ;;
        70) OCI_TS_RUNTIME_CLEAN_UP=1 exec node "$0" "$@" ;;
        99) echo "oci-ts-runtime: create ended without telling its outcome (killed, or Node failed to start)" >&2; exit 1 ;;
        *) exit "$outcome" ;;
      esac ;;
  esac
fi
exec node "$0" "$@"
*/
// The CommonJS entry (bin/package.json), so that a start does not set up the ES module loader: the command line
// runs as one script compiled from V8's code cache (scripts/code-cache.ts), by the loader of every code-cached script
// (core/code-cache.ts, dist/code-cache.cjs).
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
let loader;
try {
  loader = require(join(dist, 'code-cache.cjs'));
} catch (e) {
  if (!e || e.code !== 'MODULE_NOT_FOUND') throw e;
  process.stderr.write(`oci-ts-runtime: ${join(dist, 'oci-ts-runtime.js')} is missing: run npm run build\n`);
  process.exit(2);
}
loader.startEntry(dist, 'oci-ts-runtime');
