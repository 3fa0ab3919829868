#!/usr/bin/env bash
# Wall time and cases per minute of a full oci-conform run, at --jobs 1 and at
# the default (one job per CPU). Needs root and a built dist/ (npm run build).
#   bench/conform/run.sh [--runtime PATH] [more oci-conform args]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f dist/oci-conform.mjs ] || { echo "bench: run npm run build first" >&2; exit 2; }
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--runtime /usr/bin/runc)
out=$(mktemp -d /tmp/oci-conform-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT

run() { # label, extra args...
  local label=$1; shift
  local start end code=0
  start=$(date +%s.%N)
  node bin/oci-conform.js "${args[@]}" "$@" --reporter "json=$out/$label.json" >/dev/null 2>"$out/$label.err" || code=$?
  end=$(date +%s.%N)
  if [ ! -s "$out/$label.json" ]; then
    echo "bench: $label run wrote no report (exit $code): $(head -c 500 "$out/$label.err")" >&2
    exit 3
  fi
  node -e '
    const [file, label, start, end, code] = process.argv.slice(1);
    const d = JSON.parse(require("fs").readFileSync(file, "utf8"));
    const secs = Number(end) - Number(start);
    const n = d.results.length;
    const ran = d.results.filter((r) => r.outcome.status !== "skip").length;
    const c = d.summary.counts;
    console.log(`${label.padEnd(8)} jobs ${String(d.run.jobs).padStart(2)}  wall ${secs.toFixed(1).padStart(6)} s  ${n} cases (${ran} ran)  ${(n / (secs / 60)).toFixed(1).padStart(6)} cases/min  ` +
      `pass ${c.pass} fail ${c.fail} warn ${c.warn} skip ${c.skip} error ${c.error}  exit ${code}`);
  ' "$out/$label.json" "$label" "$start" "$end" "$code"
}

run jobs-1 --jobs 1
run default
