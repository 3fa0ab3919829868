/**
 * oci-ts-runtime against runc: the whole cycle (create, start, wait for the
 * exit, delete) of RUNS containers (default 50), median and per command, next
 * to a bare `node -e 0` start in the same run, with NODE_EXTRA_CA_CERTS unset
 * and (where this machine sets it) set. The program is busybox `true` in the
 * config `runc spec` writes (terminal off). Also the mean CPU time (user +
 * system) of each command, which the machine's load changes far less than wall
 * time (for create, only what the command waits for: not runc's init, not
 * our launcher's background Node). Ours runs as a program (bin/oci-ts-runtime.js), as oci-conform and
 * users run it: its interpreter line starts Node without NODE_EXTRA_CA_CERTS,
 * so with it set our commands do not pay for the bundle and `node -e 0` does.
 * Needs root, runc, busybox and a build (`npm run build`).
 *
 *   npx tsx bench/runtime/run.ts            # RUNS=50
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.RUNS ?? 50);
const OURS = join(ROOT, 'bin', 'oci-ts-runtime.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let errFile = '';

const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

/** CPU time (user + system, ms) of the children this process has waited for: what spawnSync's commands used, load or not. */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) * TICK_MS; // cutime, cstime
}

/** CPU ms each command used, summed per command name (a mean over RUNS later; ticks are 10 ms, so only a mean means something). */
const cpu = new Map<string, number>();

/** One command's wall time. Its stderr goes to a file: a container's init inherits create's stdio, and a pipe would stay open (spawnSync waiting on it) for the container's life. */
function timed(argv: string[], env: NodeJS.ProcessEnv, cpuKey?: string): number {
  const err = openSync(errFile, 'w');
  const c = childrenCpu();
  const t = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'ignore', err] });
  const ms = performance.now() - t;
  if (cpuKey) cpu.set(cpuKey, (cpu.get(cpuKey) ?? 0) + childrenCpu() - c);
  closeSync(err);
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: exit ${r.status}: ${readFileSync(errFile, 'utf8').trim()}`);
  return ms;
}

function bundle(dir: string): string {
  const b = join(dir, 'bundle');
  mkdirSync(join(b, 'rootfs', 'bin'), { recursive: true });
  copyFileSync('/usr/bin/busybox', join(b, 'rootfs', 'bin', 'busybox'));
  for (const a of ['sh', 'true']) symlinkSync('busybox', join(b, 'rootfs', 'bin', a));
  for (const d of ['proc', 'dev', 'sys', 'tmp']) mkdirSync(join(b, 'rootfs', d));
  const r = spawnSync('runc', ['spec'], { cwd: b });
  if (r.status !== 0) throw new Error('runc spec failed');
  const c = JSON.parse(readFileSync(join(b, 'config.json'), 'utf8')) as { process: { terminal: boolean; args: string[] } };
  c.process.terminal = false;
  c.process.args = ['/bin/true'];
  writeFileSync(join(b, 'config.json'), JSON.stringify(c));
  return b;
}

interface Cycle {
  create: number[];
  start: number[];
  state: number[];
  delete: number[];
  total: number[];
}

function cycles(name: string, runtime: string[], b: string, root: string, env: NodeJS.ProcessEnv): Cycle {
  const out: Cycle = { create: [], start: [], state: [], delete: [], total: [] };
  const rt = [...runtime, '--root', root];
  for (let i = 0; i < RUNS; i++) {
    const id = `bench-${process.pid}-${i}`;
    const t = performance.now();
    out.create.push(timed([...rt, 'create', '--bundle', b, id], env, `${name} create`));
    out.start.push(timed([...rt, 'start', id], env, `${name} start`));
    // wait for the exit: state until stopped
    for (;;) {
      const s = spawnSync(rt[0]!, [...rt.slice(1), 'state', id], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      if (JSON.parse(s.stdout.toString()).status === 'stopped') break;
    }
    const beforeState = performance.now();
    out.state.push(timed([...rt, 'state', id], env, `${name} state`));
    const stateMs = performance.now() - beforeState;
    out.delete.push(timed([...rt, 'delete', id], env, `${name} delete`));
    // the cycle without the extra state call made only to time it
    out.total.push(performance.now() - t - stateMs);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'oci-bench-runtime-'));
errFile = join(dir, 'stderr');
try {
  const b = bundle(dir);
  const withCa = process.env.NODE_EXTRA_CA_CERTS;
  const envs: [string, NodeJS.ProcessEnv][] = [['NODE_EXTRA_CA_CERTS unset', { ...process.env, NODE_EXTRA_CA_CERTS: undefined }]];
  if (withCa) envs.push([`NODE_EXTRA_CA_CERTS=${withCa}`, process.env]);
  for (const [label, env] of envs) {
    cpu.clear();
    const node = median(Array.from({ length: RUNS }, () => timed([process.execPath, '-e', '0'], env, 'node')));
    // as a program, as oci-conform and users run it: its interpreter line is part of what a start costs
    const ours = cycles('ours', [OURS], b, join(dir, 'ours'), env);
    const runc = cycles('runc', ['runc'], b, join(dir, 'runc'), env);
    const m = (xs: number[]): string => `${median(xs).toFixed(1)} ms`;
    console.log(`\n${label}: ${RUNS} containers each, medians`);
    console.log(`  node -e 0                 ${node.toFixed(1)} ms`);
    console.log(`  cycle  ours ${m(ours.total).padStart(10)}   runc ${m(runc.total).padStart(10)}   ratio ${(median(ours.total) / median(runc.total)).toFixed(2)}x`);
    for (const k of ['create', 'start', 'delete', 'state'] as const) {
      console.log(`  ${k.padEnd(6)} ours ${m(ours[k]).padStart(10)}   runc ${m(runc[k]).padStart(10)}   ours - node -e 0: ${(median(ours[k]) - node).toFixed(1)} ms`);
    }
    // CPU time does not grow with the machine's load as wall time does: a second view where the machine is busy
    const mean = (key: string): number => (cpu.get(key) ?? 0) / RUNS;
    console.log(`  CPU time (user + system), mean per command: node -e 0 ${mean('node').toFixed(1)} ms`);
    for (const k of ['create', 'start', 'delete', 'state'] as const) {
      // runc's: the command alone (the init it starts is not its waited-for child); ours: the launcher alone, as
      // create's Node runs in the background, in place or starting an init (bin/oci-ts-runtime.js)
      const note = k === 'create' ? ' (runc: the command without its init; ours: the launcher only, Node runs in its background)' : '';
      console.log(`  ${k.padEnd(6)} ours ${mean(`ours ${k}`).toFixed(1).padStart(7)} ms   runc ${mean(`runc ${k}`).toFixed(1).padStart(7)} ms   ours - node -e 0: ${(mean(`ours ${k}`) - mean('node')).toFixed(1)} ms${note}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
