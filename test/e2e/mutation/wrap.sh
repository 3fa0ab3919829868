#!/bin/bash
# A mutating runtime for the sensitivity test (mutation.test.ts): runc, except
# for what the plan says about one case's containers. Every other call, the
# canary's included, goes to runc unchanged (exec: same stdio, same exit code).
#
#   MUTATION_RUNC    the real runtime (default /usr/bin/runc)
#   MUTATION_PLAN    JSON file: { "config": { "<i>-<name>": [op...] }, "liar": { "<i>": "<kind>" } }
#                    <i> is the case's index in the run's sorted selection and
#                    <name> the container's name: oci-conform names containers
#                    <runId>-<i>-<name>. An op is {"op":"del","path":[...]} or
#                    {"op":"set","path":[...],"value":...}, applied in order to
#                    <bundle>/config.json just before create.
#   MUTATION_RECORD  directory: every create's config.json is copied to <id>.json (as created)
#   MUTATION_LOG     file: one line per mutation applied, "<id> <what>"
#
# Liars (one per case, on every container of the case):
#   state-created-as-running   state reports "running" for a created container
#   state-running-as-stopped   state reports "stopped" for a running one
#   state-wrong-pid            state reports a live process that is not the container's (ours)
#   kill-ignored               kill exits 0 and sends nothing
#   delete-forced              delete of a container that is not stopped succeeds (delete --force)
#   create-starts              create also starts the program; start then does nothing
#   start-noop                 start exits 0 and starts nothing
set -u
RUNC=${MUTATION_RUNC:-/usr/bin/runc}

# The subcommand and the container id: global options come first (--root DIR), then the verb,
# then its options (those with a value: --bundle, -b, --pid-file, --console-socket), then the id.
verb='' id='' bundle='' prev=''
for a in "$@"; do
  if [ -z "$verb" ]; then
    case "$prev" in --root | --log | --log-format | --criu) prev=''; continue ;; esac
    case "$a" in -*) prev=$a; continue ;; *) verb=$a; prev=''; continue ;; esac
  fi
  case "$prev" in --bundle | -b) bundle=$a; prev=''; continue ;; --pid-file | --console-socket) prev=''; continue ;; esac
  case "$a" in -*) prev=$a ;; *) [ -z "$id" ] && id=$a; prev='' ;; esac
done

log() { [ -n "${MUTATION_LOG:-}" ] && printf '%s %s\n' "$id" "$1" >>"$MUTATION_LOG"; return 0; }

if [ "$verb" = create ] && [ -n "${MUTATION_RECORD:-}" ] && [ -n "$id" ]; then
  cp "${bundle:-.}/config.json" "$MUTATION_RECORD/$id.json" 2>/dev/null
fi

[[ "$id" =~ ^oc[0-9a-f]+-([0-9]+)-([a-z0-9-]+)$ ]] && [ -n "${MUTATION_PLAN:-}" ] || exec "$RUNC" "$@"
index=${BASH_REMATCH[1]} key="${BASH_REMATCH[1]}-${BASH_REMATCH[2]}"

if [ "$verb" = create ]; then
  config="${bundle:-.}/config.json"
  ops=$(jq -c --arg k "$key" '.config[$k] // empty' "$MUTATION_PLAN")
  if [ -n "$ops" ]; then
    before=$(jq -cS . "$config")
    jq --argjson ops "$ops" 'reduce $ops[] as $o (.; if $o.op == "del" then delpaths([$o.path]) else setpath($o.path; $o.value) end)' "$config" >"$config.mutated" &&
      mv "$config.mutated" "$config"
    if [ "$before" = "$(jq -cS . "$config")" ]; then log "config unchanged: $ops"; else log "config mutated: $ops"; fi
    # A runtime that ignores process.terminal makes no pty, so it has nothing to send to the
    # console socket either (runc would refuse the flag without a terminal).
    if [ "$(jq '.process.terminal == true' "$config")" = false ]; then
      args=() skip=''
      for a in "$@"; do
        if [ -n "$skip" ]; then skip=''; continue; fi
        if [ "$a" = --console-socket ]; then skip=1; continue; fi
        args+=("$a")
      done
      set -- "${args[@]}"
    fi
  fi
fi

liar=$(jq -r --arg i "$index" '.liar[$i] // empty' "$MUTATION_PLAN")
case "$liar:$verb" in
  state-created-as-running:state | state-running-as-stopped:state | state-wrong-pid:state)
    out=$("$RUNC" "$@")
    rc=$?
    [ $rc -eq 0 ] || { printf '%s' "$out"; exit $rc; }
    case "$liar" in
      state-created-as-running) filter='if .status == "created" then .status = "running" else . end' ;;
      state-running-as-stopped) filter='if .status == "running" then .status = "stopped" else . end' ;;
      *) filter="if (.pid // 0) > 0 then .pid = $PPID else . end" ;;
    esac
    lied=$(printf '%s' "$out" | jq "$filter")
    [ "$lied" = "$(printf '%s' "$out" | jq .)" ] || log "state lied"
    printf '%s\n' "$lied"
    exit 0
    ;;
  kill-ignored:kill)
    log "kill ignored"
    exit 0
    ;;
  delete-forced:delete)
    for a in "$@"; do [ "$a" = --force ] && exec "$RUNC" "$@"; done
    log "delete forced"
    args=("$@")
    n=${#args[@]}
    exec "$RUNC" "${args[@]:0:n-1}" --force "${args[n-1]}"
    ;;
  create-starts:create)
    "$RUNC" "$@" || exit $?
    root=()
    [ "${1:-}" = --root ] && root=(--root "$2")
    "$RUNC" "${root[@]}" start "$id" && log "started at create"
    exit 0
    ;;
  create-starts:start | start-noop:start)
    log "start did nothing"
    exit 0
    ;;
esac
exec "$RUNC" "$@"
