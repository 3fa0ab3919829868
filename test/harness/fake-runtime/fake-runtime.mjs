// A scriptable fake OCI runtime for the harness's own tests (test/harness/fake-runtime/index.ts writes the
// executable that runs it). It speaks the runtime CLI (create, start, state, kill, delete, features, with global
// flags such as --root and --log before the verb) and, per verb, does what the script file
// ($FAKE_RUNTIME_SCRIPT, JSON) says:
//
//   { "runc": "/usr/bin/runc", "match": "-0-c$", "verbs": { "state": "truncated", "delete": "orphan" } }
//
// Behaviours (test/harness/fake-runtime.test.ts: what the harness must make of each):
//   behave          exec the real runtime (runc) with the same arguments
//   hang            never exit; first leave a child in our tree and a daemon outside it (both `sleep`)
//   crash           die by SIGSEGV before doing anything (after one line on stderr)
//   behave-crash    do the real thing, then die by SIGSEGV (the container exists, the call "failed")
//   garbage         print bytes that are no JSON on stdout and stderr, exit 0
//   truncated       the real runtime's output cut in half, exit 0 (state: a torn JSON document)
//   wrong-status    the real output with "status" replaced by "running"
//   wrong-pid       the real output with "pid" replaced by a pid that is no process
//   noop            exit 0 and do nothing
//   orphan          do the real thing, and leave a daemon (`sleep`, outside our tree) that outlives the call
//   leave-cgroup    do the real thing, then make a cgroup beside the container's (named <id>-fake-leak, under the
//                   run's prefix) with a daemon in it
// Only calls whose container id matches "match" (a regex; default: all) misbehave; the others behave.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const VERBS = new Set(['create', 'start', 'state', 'kill', 'delete', 'features', 'run', 'exec', 'ps', 'list', 'pause', 'resume', 'events', 'update', 'spec']);
const argv = process.argv.slice(2);
const script = JSON.parse(readFileSync(process.env.FAKE_RUNTIME_SCRIPT ?? '', 'utf8'));
const runc = script.runc ?? '/usr/bin/runc';
const vi = argv.findIndex((a) => VERBS.has(a));
const verb = vi >= 0 ? argv[vi] : undefined;
// The container id: the first argument after the verb that is not a flag or a flag's value.
const FLAGS_WITH_VALUE = new Set(['--bundle', '-b', '--pid-file', '--console-socket', '--log', '--log-format', '--root']);
let id;
for (let i = vi + 1; vi >= 0 && i < argv.length; i++) {
  if (FLAGS_WITH_VALUE.has(argv[i])) i++;
  else if (!argv[i].startsWith('-')) {
    id = argv[i];
    break;
  }
}
const matches = script.match === undefined || (id !== undefined && new RegExp(script.match).test(id));
const how = (matches && verb && script.verbs?.[verb]) || 'behave';

/** The real runtime with our arguments: its exit status, stdout captured or passed through. */
function real(capture) {
  const r = spawnSync(runc, argv, { stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  return { status: r.status ?? 1, stdout: r.stdout ?? '' };
}

/** A `sleep` that outlives us: its parent (a shell) exits at once, so it is the host init's, outside our tree. */
function daemon(cgroupProcs) {
  const inner = cgroupProcs ? 'echo $$ > "$0" && exec sleep 3600' : 'exec sleep 3600';
  spawnSync('/bin/sh', ['-c', 'sh -c "$0" "$1" </dev/null >/dev/null 2>&1 &', inner, cgroupProcs ?? ''], { stdio: 'ignore' });
}

function crash() {
  process.stderr.write(`fake-runtime: ${verb} crashes\n`);
  process.kill(process.pid, 'SIGSEGV');
}

/** The cgroup dirs of the container's init (from the pid file of create), one per hierarchy. */
function containerCgroups() {
  const pf = argv[argv.indexOf('--pid-file') + 1];
  const pid = readFileSync(pf, 'utf8').trim();
  const out = [];
  for (const line of readFileSync(`/proc/${pid}/cgroup`, 'utf8').split('\n')) {
    const [, ctrl, path] = line.split(':');
    if (path === undefined) continue;
    if (ctrl === '') out.push(join('/sys/fs/cgroup/unified', path));
    else if (ctrl === 'pids') out.push(join('/sys/fs/cgroup/pids', path));
  }
  return out;
}

switch (how) {
  case 'behave': {
    const r = spawnSync(runc, argv, { stdio: 'inherit' });
    if (r.signal) process.kill(process.pid, r.signal);
    process.exit(r.status ?? 1);
    break;
  }
  case 'hang': {
    process.stderr.write(`fake-runtime: ${verb} hangs\n`);
    spawn('sleep', ['3600'], { stdio: 'ignore' });
    daemon();
    setInterval(() => undefined, 1 << 30);
    break;
  }
  case 'crash':
    crash();
    break;
  case 'behave-crash':
    real(false);
    crash();
    break;
  case 'garbage':
    process.stdout.write('\u0000\u00ff{{not json at all\u001b[2J');
    process.stderr.write('\u0000garbage on stderr\n');
    process.exit(0);
    break;
  case 'truncated': {
    const r = real(true);
    process.stdout.write(r.stdout.slice(0, Math.floor(r.stdout.length / 2)));
    process.exit(0);
    break;
  }
  case 'wrong-status':
  case 'wrong-pid': {
    const r = real(true);
    const out = how === 'wrong-status' ? r.stdout.replace(/"status":\s*"\w+"/, '"status": "running"') : r.stdout.replace(/"pid":\s*\d+/, '"pid": 4194303');
    process.stdout.write(out);
    process.exit(r.status);
    break;
  }
  case 'noop':
    process.exit(0);
    break;
  case 'orphan': {
    const r = real(false);
    daemon();
    process.exit(r.status);
    break;
  }
  case 'leave-cgroup': {
    const r = real(false);
    if (r.status === 0 && verb === 'create') {
      for (const d of containerCgroups()) {
        const leak = `${d}-fake-leak`;
        mkdirSync(leak, { recursive: true });
        daemon(join(leak, 'cgroup.procs'));
      }
      writeFileSync(join(dirname(process.env.FAKE_RUNTIME_SCRIPT), 'leaked'), 'yes');
    }
    process.exit(r.status);
    break;
  }
  default:
    process.stderr.write(`fake-runtime: unknown behaviour ${how}\n`);
    process.exit(99);
}
