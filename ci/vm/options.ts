/**
 * The VM runner's command line: `run.ts [options] -- <command…>`, parsed into the options the runner takes.
 * One row per option, which also prints --help, so an option can't exist without its help line.
 */
import { availableParallelism } from 'node:os';

export type Profile = 'v2' | 'v1';

export interface VmOptions {
  readonly profile: Profile;
  /** attach a sparse raw disk as /dev/vda */
  readonly disk: boolean;
  /** seconds before the VM is killed (exit 124); 0: no limit */
  readonly timeout: number;
  /** guest memory, in qemu's -m syntax (4G, 2048M, 2048) */
  readonly mem: string;
  readonly smp: number;
  /** host directories mounted writable at the same path in the guest */
  readonly shares: readonly string[];
  readonly kernel?: string;
  /** stream the boot console (kernel and init messages) to stderr */
  readonly console: boolean;
  readonly command: readonly string[];
}

/** Thrown for bad usage: the message is the one line to print (exit 2). */
export class Usage extends Error {}

interface Row {
  readonly flag: string;
  readonly arg?: string;
  readonly help: string;
  readonly set: (o: Mutable, value: string) => void;
}
type Mutable = { -readonly [K in keyof VmOptions]: VmOptions[K] };

const DISK_DEFAULT = true;
const ROWS: readonly Row[] = [
  {
    flag: '--profile',
    arg: 'v2|v1',
    help: 'cgroup layout of the guest: pure cgroup v2 (as systemd mounts it) or v1 hierarchies only (default v2)',
    set: (o, v) => {
      if (v !== 'v2' && v !== 'v1') throw new Usage(`oci-vm: --profile: expected v2 or v1, got '${v}'`);
      o.profile = v;
    },
  },
  { flag: '--disk', help: 'attach a sparse 1 GiB raw disk, /dev/vda in the guest (the default)', set: (o) => (o.disk = true) },
  { flag: '--no-disk', help: 'no disk', set: (o) => (o.disk = false) },
  {
    flag: '--timeout',
    arg: 'S',
    help: 'kill the VM after S seconds and exit 124 (default 3600; 0: no limit)',
    set: (o, v) => {
      if (!/^\d+$/.test(v)) throw new Usage(`oci-vm: --timeout: expected whole seconds, got '${v}'`);
      o.timeout = Number(v);
    },
  },
  {
    flag: '--mem',
    arg: 'M',
    help: "guest memory in qemu's -m syntax: 4G, 2048M (default 4G)",
    set: (o, v) => {
      if (!/^[1-9]\d*[MG]?$/.test(v)) throw new Usage(`oci-vm: --mem: expected a size like 4G or 2048M, got '${v}'`);
      o.mem = v;
    },
  },
  {
    flag: '--smp',
    arg: 'N',
    help: "guest CPUs (default: this machine's)",
    set: (o, v) => {
      if (!/^[1-9]\d*$/.test(v)) throw new Usage(`oci-vm: --smp: expected a number of CPUs, got '${v}'`);
      o.smp = Number(v);
    },
  },
  { flag: '--share', arg: 'DIR', help: 'mount the host directory DIR writable at the same path in the guest (repeatable)', set: (o, v) => (o.shares = [...o.shares, v]) },
  { flag: '--kernel', arg: 'VERSION', help: 'the kernel to boot, as in /lib/modules/VERSION (default: the newest installed)', set: (o, v) => (o.kernel = v) },
  { flag: '--console', help: 'show the boot console (kernel and init messages) on stderr', set: (o) => (o.console = true) },
];

/** Every option's flag (docs/CI.md's table lists each: a test holds it). */
export const FLAGS: readonly string[] = ROWS.map((r) => r.flag);

export const HELP = [
  'usage: npx tsx ci/vm/run.ts [options] -- <command…>',
  "Boots Debian's kernel under qemu with this machine's root filesystem (read-only, a tmpfs overlay for writes)",
  'and runs <command> in it as root, in the current directory and environment; exits with its status',
  '(124: timed out, 125: the VM failed, 2: usage or missing packages).',
  '',
  ...ROWS.map((r) => `  ${`${r.flag}${r.arg ? ` ${r.arg}` : ''}`.padEnd(18)} ${r.help}`),
].join('\n');

/** Parses argv (without node and the script); `help: true` when --help was asked. Throws Usage. */
export function parseArgs(argv: readonly string[]): { help: true } | { help: false; options: VmOptions } {
  const o: Mutable = { profile: 'v2', disk: DISK_DEFAULT, timeout: 3600, mem: '4G', smp: availableParallelism(), shares: [], console: false, command: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      o.command = argv.slice(i + 1);
      break;
    }
    if (a === '-h' || a === '--help') return { help: true };
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const row = ROWS.find((r) => r.flag === flag);
    if (!row) throw new Usage(`oci-vm: unknown option '${a}' (the command goes after --; see --help)`);
    if (!row.arg) {
      if (flag !== a) throw new Usage(`oci-vm: ${flag} takes no value`);
      row.set(o, '');
      continue;
    }
    const value = flag !== a ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Usage(`oci-vm: ${flag} needs a value (${row.arg})`);
    row.set(o, value);
  }
  if (o.command.length === 0) throw new Usage('oci-vm: no command: give it after --, e.g. -- sh -c "cat /proc/self/cgroup"');
  return { help: false, options: o };
}
