/**
 * bench/spawn: what one call of a program costs through execa against plain
 * child_process.spawn, measured in the same run, alternating the two in blocks
 * so that the machine's load falls on both alike. Each call is awaited before
 * the next (as the driver calls the runtime), stdout and stderr are collected
 * from pipes. Run: npx tsx bench/spawn/run.ts   (N calls each, default 500)
 */
import { spawn } from 'node:child_process';
import { execa } from 'execa';

const N = Number(process.env.N ?? 500);
const BLOCK = 50;

function viaSpawn(bin: string, args: readonly string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

async function viaExeca(bin: string, args: readonly string[]): Promise<number | undefined> {
  const r = await execa(bin, args, { stdin: 'ignore', reject: false, stripFinalNewline: false });
  return r.exitCode;
}

interface Cost {
  wall: number;
  /** CPU time of this process (user + system): the part the load of the machine doesn't stretch. */
  cpu: number;
}

async function block(run: () => Promise<unknown>, into: Cost): Promise<void> {
  const t = performance.now();
  const c = process.cpuUsage();
  for (let i = 0; i < BLOCK; i++) await run();
  const d = process.cpuUsage(c);
  into.wall += performance.now() - t;
  into.cpu += (d.user + d.system) / 1000;
}

async function measure(bin: string, args: readonly string[]): Promise<{ spawn: Cost; execa: Cost }> {
  await viaSpawn(bin, args); // warm the page cache and both code paths
  await viaExeca(bin, args);
  const s: Cost = { wall: 0, cpu: 0 };
  const e: Cost = { wall: 0, cpu: 0 };
  for (let done = 0; done < N; done += BLOCK) {
    await block(() => viaSpawn(bin, args), s);
    await block(() => viaExeca(bin, args), e);
  }
  const calls = Math.ceil(N / BLOCK) * BLOCK;
  const per = (c: Cost): Cost => ({ wall: c.wall / calls, cpu: c.cpu / calls });
  return { spawn: per(s), execa: per(e) };
}

console.log(`per call, mean of ${Math.ceil(N / BLOCK) * BLOCK} sequential calls each, alternating blocks of ${BLOCK}`);
console.log('                 wall time per call (ms)          our CPU time per call (ms)');
console.log('command          spawn    execa    difference     spawn    execa    difference');
const f = (n: number): string => n.toFixed(2).padStart(7);
for (const [bin, args] of [['/bin/true', []], ['runc', ['--version']]] as const) {
  const { spawn: s, execa: e } = await measure(bin, args);
  const label = [bin, ...args].join(' ');
  console.log(`${label.padEnd(15)} ${f(s.wall)}  ${f(e.wall)}  ${f(e.wall - s.wall)}       ${f(s.cpu)}  ${f(e.cpu)}  ${f(e.cpu - s.cpu)}`);
}
