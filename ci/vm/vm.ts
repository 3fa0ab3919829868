/**
 * One VM run: a temporary directory (the runner's 9p channel with the run's parameters, the command, its
 * environment and, afterwards, its exit status; the unix sockets of the ports; the disk), qemu started on it,
 * the command's stdout and stderr streamed from their virtio ports, and everything removed at the end, also
 * on a timeout, an error or a signal (qemu is killed first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initramfs } from './initramfs.js';
import { Usage, type VmOptions } from './options.js';
import type { Machine } from './probe.js';

const GUEST = join(dirname(fileURLToPath(import.meta.url)), 'guest');
export const EXIT_TIMEOUT = 124;
export const EXIT_VM_FAILED = 125;
const DISK_BYTES = 1 << 30;
/** Where the guest mounts a fresh tmpfs (or its own filesystem): a host directory there is not visible in it. */
const HIDDEN = ['/tmp', '/var/tmp', '/run', '/dev', '/proc', '/sys'];
/** Variables of the caller's session that don't describe the guest's. */
const NOT_PASSED = new Set(['PWD', 'OLDPWD', 'SHLVL', '_', 'TMPDIR']);

export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The cache of built initramfs archives: $XDG_CACHE_HOME/oci-conform-vm, else /var/tmp/oci-conform-vm. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || '/var/tmp', 'oci-conform-vm');
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

/** The directory of the guest's own that hides host directory `dir` (a real path), if one does: it must be --share'd to be seen. */
export function hiddenInGuest(dir: string): string | undefined {
  return HIDDEN.find((h) => under(dir, h));
}

/** The run's checked shares (real paths of existing directories) and working directory; throws Usage. */
export function placesOf(cwd: string, shares: readonly string[]): { cwd: string; shares: string[] } {
  const real = shares.map((s) => {
    let p: string;
    try {
      p = realpathSync(resolve(s));
    } catch {
      throw new Usage(`oci-vm: --share ${s}: no such directory`);
    }
    if (!statSync(p).isDirectory()) throw new Usage(`oci-vm: --share ${s}: not a directory`);
    if (p === '/' || /[\s'"\\$`]/.test(p)) throw new Usage(`oci-vm: --share ${s}: not a directory the runner can mount (the root, or a path with spaces or quotes)`);
    return p;
  });
  const dir = realpathSync(cwd);
  const hiddenBy = hiddenInGuest(dir);
  if (hiddenBy && !real.some((s) => under(dir, s))) {
    throw new Usage(`oci-vm: the working directory ${dir} is not visible in the guest (it has its own ${hiddenBy}); run from elsewhere or --share it`);
  }
  return { cwd: dir, shares: real };
}

/** qemu's arguments for a run whose temporary directory is `tmp`. */
export function qemuArgs(machine: Machine, options: VmOptions, initrd: string, tmp: string, shares: readonly string[]): string[] {
  const virtfs = (path: string, tag: string, ro: boolean): string[] => [
    '-virtfs',
    `local,path=${path},mount_tag=${tag},security_model=none,multidevs=remap${ro ? ',readonly=on' : ''}`,
  ];
  const socket = (id: string): string[] => ['-chardev', `socket,id=${id},path=${join(tmp, `${id}.sock`)}`];
  return [
    '-nodefaults',
    '-no-user-config',
    '-display', 'none',
    '-monitor', 'none',
    '-no-reboot',
    ...(machine.kvm ? ['-accel', 'kvm', '-cpu', 'host'] : ['-accel', 'tcg', '-cpu', 'max']),
    '-m', options.mem,
    '-smp', String(options.smp),
    '-kernel', machine.kernel,
    '-initrd', initrd,
    '-append', 'console=ttyS0 quiet loglevel=3 panic=-1',
    ...socket('console'),
    '-serial', 'chardev:console',
    ...virtfs('/', 'host', true),
    ...virtfs(join(tmp, 'chan'), 'chan', false),
    ...shares.flatMap((s, i) => virtfs(s, `share${i}`, false)),
    '-device', 'virtio-serial-pci,id=ports',
    ...socket('stdout'),
    '-device', 'virtserialport,bus=ports.0,chardev=stdout,name=oci-vm.stdout',
    ...socket('stderr'),
    '-device', 'virtserialport,bus=ports.0,chardev=stderr,name=oci-vm.stderr',
    ...(options.disk ? ['-drive', `file=${join(tmp, 'disk.raw')},if=virtio,format=raw`] : []),
  ];
}

/** A unix socket server at `path` that hands the one connection's bytes to `sink`; `done` resolves when it ends. */
function portServer(path: string, sink: (b: Buffer) => void): { server: Server; done: Promise<void>; listening: Promise<void> } {
  let ended!: () => void;
  const done = new Promise<void>((r) => (ended = r));
  const server = createServer((s: Socket) => {
    s.on('data', sink);
    s.on('close', ended);
    s.on('error', ended);
  });
  const listening = new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, ok);
  });
  return { server, done, listening };
}

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Runs `options.command` in a VM on `machine`; resolves to the exit status to exit with. */
export async function runVm(machine: Machine, options: VmOptions, io: Io, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const places = placesOf(cwd, options.shares);
  const initrd = initramfs(cacheDir(env), { kernelVersion: machine.kernelVersion, modulesDir: machine.modulesDir, busybox: machine.busybox, initScript: join(GUEST, 'init.sh') });
  const tmp = mkdtempSync(join(tmpdir(), 'oci-vm-'));
  let qemu: ChildProcess | undefined;
  const servers: Server[] = [];
  const removeAll = (): void => {
    if (qemu && qemu.exitCode === null && qemu.signalCode === null) qemu.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', removeAll); // the last resort: an uncaught error, process.exit elsewhere
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let stopped: { code: number; why: string } | undefined; // set by a signal or the timeout, while awaiting
  const stoppedNow = (): typeof stopped => stopped;
  const stop = (code: number, why: string): void => {
    stopped ??= { code, why };
    if (qemu && qemu.exitCode === null && qemu.signalCode === null) {
      qemu.kill('SIGTERM');
      setTimeout(() => qemu?.kill('SIGKILL'), 5000).unref();
    }
  };
  const onSignal = (s: NodeJS.Signals): void => stop(128 + (s === 'SIGINT' ? 2 : s === 'SIGTERM' ? 15 : 1), `interrupted by ${s}`);
  for (const s of signals) process.on(s, onSignal);
  let timer: NodeJS.Timeout | undefined;
  try {
    const chan = join(tmp, 'chan');
    mkdirSync(chan);
    const params = { PROFILE: options.profile, BUSYBOX: machine.busybox, SHARES: places.shares.join(' ') };
    writeFileSync(join(chan, 'params'), Object.entries(params).map(([k, v]) => `${k}=${shellQuote(v)}\n`).join(''));
    const passed = Object.entries(env).filter(([k, v]) => v !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !NOT_PASSED.has(k));
    writeFileSync(join(chan, 'env'), passed.map(([k, v]) => `export ${k}=${shellQuote(v!)}\n`).join(''), { mode: 0o600 });
    writeFileSync(join(chan, 'command'), `cd ${shellQuote(places.cwd)} || exit ${EXIT_VM_FAILED}\nexec ${options.command.map(shellQuote).join(' ')}\n`);
    copyFileSync(join(GUEST, 'stage2.sh'), join(chan, 'stage2.sh'));
    if (options.disk) {
      writeFileSync(join(tmp, 'disk.raw'), '');
      truncateSync(join(tmp, 'disk.raw'), DISK_BYTES); // sparse
    }

    const consoleTail: string[] = [];
    let partial = '';
    const onConsole = (b: Buffer): void => {
      const text = b.toString('utf8').replace(/\r\n/g, '\n').replace(/\r/g, '');
      if (options.console) io.stderr.write(text);
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      consoleTail.push(...lines);
      consoleTail.splice(0, Math.max(0, consoleTail.length - 60));
    };
    const ports = [
      portServer(join(tmp, 'console.sock'), onConsole),
      portServer(join(tmp, 'stdout.sock'), (b) => io.stdout.write(b)),
      portServer(join(tmp, 'stderr.sock'), (b) => io.stderr.write(b)),
    ];
    servers.push(...ports.map((p) => p.server));
    await Promise.all(ports.map((p) => p.listening));
    const early = stoppedNow();
    if (early) {
      io.stderr.write(`oci-vm: ${early.why}\n`);
      return early.code;
    }

    let qemuErr = '';
    const exited = new Promise<void>((resolveExit, rejectExit) => {
      qemu = spawn(machine.qemu, qemuArgs(machine, options, initrd, tmp, places.shares), { stdio: ['ignore', 'ignore', 'pipe'] });
      qemu.stderr!.on('data', (b: Buffer) => {
        qemuErr += b.toString();
        if (options.console) io.stderr.write(b);
      });
      qemu.on('error', rejectExit);
      qemu.on('exit', () => resolveExit());
    });
    if (options.timeout > 0) timer = setTimeout(() => stop(EXIT_TIMEOUT, `timed out after ${options.timeout} s`), options.timeout * 1000);
    await exited;
    // the ports' last bytes: their sockets close when qemu is gone; never wait long for one that never connected
    await Promise.race([Promise.all(ports.map((p) => p.done)), new Promise((r) => setTimeout(r, 2000).unref())]);
    const killed = stoppedNow();
    if (killed) {
      io.stderr.write(`oci-vm: ${killed.why}; the VM was killed\n`);
      return killed.code;
    }
    const statusFile = join(chan, 'status');
    if (!existsSync(statusFile)) {
      io.stderr.write(`oci-vm: the VM stopped without the command's exit status (qemu exited with ${qemu!.exitCode ?? qemu!.signalCode}); the console's last lines:\n`);
      io.stderr.write([...consoleTail, partial].filter(Boolean).map((l) => `  | ${l}\n`).join(''));
      if (qemuErr.trim()) io.stderr.write(qemuErr.split('\n').filter(Boolean).map((l) => `  qemu: ${l}\n`).join(''));
      return EXIT_VM_FAILED;
    }
    const status = Number(readFileSync(statusFile, 'utf8').trim());
    return Number.isInteger(status) && status >= 0 && status <= 255 ? status : EXIT_VM_FAILED;
  } finally {
    if (timer) clearTimeout(timer);
    for (const s of signals) process.off(s, onSignal);
    for (const s of servers) s.close();
    removeAll();
    process.off('exit', removeAll);
  }
}
