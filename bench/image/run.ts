/**
 * bench/image: how fast oci-validate verifies the blobs of an image layout,
 * next to `openssl dgst -sha256` and `sha256sum` over the very same blobs, in
 * the same run, and how much memory it needs. Builds a layout of SIZE_MB
 * (default 1024) of incompressible layer data in a temp dir, with proper
 * digests and diff_ids, and removes it afterwards.
 *
 * The same layout is then packed as a plain tar (an oci-archive) and, with
 * TGZ=1, as a gzip tar, and validated in that form too (our time and RSS only).
 *
 * CPU time (user + system) is shown beside wall time: on a shared, loaded
 * machine wall time says more about who got the CPU than about the code.
 *
 * Run: npx tsx bench/image/run.ts   (SIZE_MB=2048 LAYERS=16 ROUNDS=3 TGZ=1 to change)
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const SIZE_MB = Number(process.env.SIZE_MB ?? 1024);
const LAYERS = Number(process.env.LAYERS ?? 8);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const HERE = import.meta.dirname;

/** One uncompressed layer: a tar with one file of random bytes, written in chunks; returns its digest and size. */
function writeLayer(dir: string, bytes: number, n: number): { digest: string; size: number } {
  const tmp = join(dir, `layer-${n}.tmp`);
  const fd = openSync(tmp, 'w');
  const h = createHash('sha256');
  const put = (b: Buffer): void => {
    h.update(b);
    writeSync(fd, b);
  };
  const hdr = Buffer.alloc(512);
  hdr.write(`data-${n}.bin`, 0);
  hdr.write('0000644\0', 100);
  hdr.write('0000000\0', 108);
  hdr.write('0000000\0', 116);
  hdr.write(`${bytes.toString(8).padStart(11, '0')}\0`, 124);
  hdr.write(`${(1_700_000_000).toString(8).padStart(11, '0')}\0`, 136);
  hdr.write('        ', 148);
  hdr.write('0', 156);
  hdr.write('ustar\x0000', 257);
  let sum = 0;
  for (const b of hdr) sum += b;
  hdr.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  put(hdr);
  const CH = 8 * 1024 * 1024;
  for (let left = bytes; left > 0; left -= CH) put(randomBytes(Math.min(CH, left)));
  const pad = (512 - (bytes % 512)) % 512;
  put(Buffer.alloc(pad + 1024));
  closeSync(fd);
  const enc = h.digest('hex');
  renameSync(tmp, join(dir, enc));
  return { digest: `sha256:${enc}`, size: statSync(join(dir, enc)).size };
}

function putJson(dir: string, doc: unknown): { digest: string; size: number } {
  const b = Buffer.from(JSON.stringify(doc));
  const enc = createHash('sha256').update(b).digest('hex');
  writeFileSync(join(dir, enc), b);
  return { digest: `sha256:${enc}`, size: b.length };
}

function timed(cmd: string, args: readonly string[]): { ms: number; stdout: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const TIME = '/usr/bin/time';
const hasTime = spawnSync(TIME, ['-f', '%U', 'true']).status === 0;

/** Wall time and CPU time (user + system, from /usr/bin/time) of a command. */
function timedCpu(cmd: string, args: readonly string[]): { ms: number; cpuMs: number } {
  if (!hasTime) return { ms: timed(cmd, args).ms, cpuMs: NaN };
  const t = process.hrtime.bigint();
  const r = spawnSync(TIME, ['-f', 'cpu %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

const best = (xs: number[]): number => Math.min(...xs);

const root = mkdtempSync(join(tmpdir(), 'bench-image-'));
try {
  const layout = join(root, 'layout');
  const blobs = join(layout, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const per = Math.floor((SIZE_MB * 1024 * 1024) / LAYERS);
  process.stdout.write(`building a layout of ${LAYERS} layers x ${(per / 1024 / 1024).toFixed(0)} MiB of random bytes in ${root} ...\n`);
  const layers = Array.from({ length: LAYERS }, (_, i) => writeLayer(blobs, per, i));
  const config = putJson(blobs, { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) } });
  const manifest = putJson(blobs, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...l })),
  });
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, platform: { architecture: 'amd64', os: 'linux' } }],
    }),
  );
  const files = readdirSync(blobs).map((f) => join(blobs, f));
  const total = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = total / 1e6;

  const ours: number[] = [];
  const oursCpu: number[] = [];
  const openssl: number[] = [];
  const opensslCpu: number[] = [];
  const coreutils: number[] = [];
  const coreutilsCpu: number[] = [];
  let rss = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const o = timed(process.execPath, ['--import', 'tsx', join(HERE, 'verify-child.ts'), layout]);
    const res = JSON.parse(o.stdout) as { ms: number; cpuMs: number; maxRssKiB: number; errors: number };
    if (res.errors !== 0) throw new Error(`our verification found ${res.errors} errors in a layout built to be valid`);
    ours.push(res.ms);
    oursCpu.push(res.cpuMs);
    rss = Math.max(rss, res.maxRssKiB);
    const s1 = timedCpu('openssl', ['dgst', '-sha256', ...files]);
    openssl.push(s1.ms);
    opensslCpu.push(s1.cpuMs);
    const s2 = timedCpu('sha256sum', files);
    coreutils.push(s2.ms);
    coreutilsCpu.push(s2.cpuMs);
  }
  const rate = (ms: number): number => mb / (ms / 1000);
  const rows: Array<[string, number, number]> = [
    ['oci-validate (library: digests, diff_ids, tar inspection)', best(ours), best(oursCpu)],
    ['openssl dgst -sha256', best(openssl), best(opensslCpu)],
    ['sha256sum', best(coreutils), best(coreutilsCpu)],
  ];
  process.stdout.write(`\n${files.length} blobs, ${mb.toFixed(0)} MB, best of ${ROUNDS} rounds (page cache warm); load average now ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs\n`);
  process.stdout.write(`  ${''.padEnd(58)} ${'wall'.padStart(6)}    ${'MB/s'.padStart(6)}       ${'CPU'.padStart(6)}    ${'MB/CPU-s'.padStart(8)}\n`);
  for (const [label, ms, cpu] of rows)
    process.stdout.write(
      `  ${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate(ms).toFixed(0).padStart(6)} MB/s  ${(cpu / 1000).toFixed(2).padStart(6)} s  ${rate(cpu).toFixed(0).padStart(8)}\n`,
    );
  process.stdout.write(`  ours / openssl: ${(best(openssl) / best(ours)).toFixed(2)}x by wall time, ${(best(opensslCpu) / best(oursCpu)).toFixed(2)}x by CPU time   (target >= 0.85x)\n`);
  process.stdout.write(`  our peak RSS: ${(rss / 1024).toFixed(0)} MiB   (target < 200 MiB)\n`);

  const archives: Array<[string, string]> = [['plain tar (oci-archive)', join(root, 'layout.tar')]];
  timed('tar', ['-C', layout, '-cf', archives[0]![1], '.']);
  if (process.env.TGZ === '1') {
    archives.push(['gzip tar', join(root, 'layout.tar.gz')]);
    timed('sh', ['-c', `gzip -1 -c '${archives[0]![1]}' > '${archives[1]![1]}'`]);
  }
  process.stdout.write('\nthe same layout as an archive, read without unpacking:\n');
  for (const [label, file] of archives) {
    let ms = Infinity;
    let peak = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const o = timed(process.execPath, ['--import', 'tsx', join(HERE, 'verify-child.ts'), file]);
      const res = JSON.parse(o.stdout) as { ms: number; maxRssKiB: number; errors: number };
      if (res.errors !== 0) throw new Error(`${label}: ${res.errors} errors in a layout built to be valid`);
      ms = Math.min(ms, res.ms);
      peak = Math.max(peak, res.maxRssKiB);
    }
    process.stdout.write(`  ${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate(ms).toFixed(0).padStart(6)} MB/s  peak RSS ${(peak / 1024).toFixed(0)} MiB\n`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
