/**
 * bench/validate: how fast oci-validate starts and how many configs it checks
 * per second, next to the floor every Node CLI pays (`node -e 0`), measured in
 * the same run. Run: npm run build && npx tsx bench/validate/run.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'bin', 'oci-validate.js');
const RUNS = Number(process.env.RUNS ?? 30);
const BATCH = Number(process.env.BATCH ?? 10_000);

function time(argv: string[], env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
try {
  spawnSync('runc', ['spec'], { cwd: dir });
  const config = join(dir, 'config.json');
  const text = readFileSync(config, 'utf8');

  const envWith = { ...process.env };
  const envWithout = { ...process.env };
  delete envWithout.NODE_EXTRA_CA_CERTS;
  const hasCa = envWith.NODE_EXTRA_CA_CERTS !== undefined;

  const rows: Array<[string, number, number]> = [];
  for (const [label, env] of [['NODE_EXTRA_CA_CERTS unset', envWithout], ...(hasCa ? [['NODE_EXTRA_CA_CERTS set', envWith] as const] : [])] as const) {
    const floor: number[] = [];
    const ours: number[] = [];
    time([process.execPath, CLI, config], env); // warm the page cache
    for (let i = 0; i < RUNS; i++) {
      floor.push(time([process.execPath, '-e', '0'], env));
      ours.push(time([process.execPath, CLI, config], env));
    }
    rows.push([label, median(floor), median(ours)]);
  }

  console.log(`cold start, median of ${RUNS} (runc spec's config.json)`);
  console.log('environment                   node -e 0   oci-validate   ratio (target <= 2.0)');
  for (const [label, f, o] of rows) console.log(`${label.padEnd(28)}  ${f.toFixed(1).padStart(7)} ms  ${o.toFixed(1).padStart(9)} ms   ${(o / f).toFixed(2)}`);

  // A batch in one process: BATCH distinct files, each a variation of the config.
  const files: string[] = [];
  const base = JSON.parse(text) as { hostname?: string };
  for (let i = 0; i < BATCH; i++) {
    const f = join(dir, `c${i}.json`);
    base.hostname = `host-${i}`;
    writeFileSync(f, JSON.stringify(base, null, 2));
    files.push(f);
  }
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...files], { env: envWithout, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`batch exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const report = JSON.parse(String(r.stdout)) as { summary: { documents: number } };
  console.log(`\nbatch: ${report.summary.documents} configs in one process: ${secs.toFixed(2)} s, ${(report.summary.documents / secs).toFixed(0)} configs/s (target >= 5000)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
