/**
 * The hook rig: every hook is the fixture's static busybox run as `sh -c` with
 * a small script, so no hook binary needs a shebang or libraries, on the host
 * or inside the container. Each hook appends one line to a shared log and
 * saves the state it read on stdin; the case appends markers ("@created",
 * "@started", ...) between runtime calls, and the container program appends
 * "@program", so the log shows when each hook ran relative to the operations.
 *
 * The log directory lives in ctx.workDir and is bind-mounted into the
 * container at /oci-hooks, so hooks running in the container namespace
 * (createContainer before pivot_root, startContainer after it) write to the
 * same file. A startContainer hook's path is /oci-hooks/busybox: it exists
 * only inside the container, so it proves the path resolved there.
 */
import { appendFile, copyFile, chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigBuilder, Hook, HookKind } from '../../case.js';

/** Where the rig's directory appears inside the container. */
export const INSIDE_DIR = '/oci-hooks';

/** The script each hook runs: $1 log dir on the host, $2 label, $3 exit code, $4 seconds to sleep first. */
export const HOOK_SCRIPT = [
  'd="$1"; [ -d "$d" ] || d=/oci-hooks',
  'read -r a0 < /proc/self/cmdline',
  'in=$(cat)',
  'printf "%s" "$in" > "$d/$2.stdin"',
  'e=$(env | grep "^OCI_HOOK_" | sort | tr "\\n" " ")',
  'p=$(printf "%s" "$in" | sed -n "s/.*\\"pid\\": *\\([0-9][0-9]*\\).*/\\1/p")',
  'pc=""; [ -n "$p" ] && read -r pc < "/proc/$p/cmdline"',
  'printf "hook\\t%s\\t%s\\t%s\\t%s\\t%s\\t%s\\t%s\\n" "$2" "$(readlink /proc/self/ns/mnt)" "$(readlink /proc/self/ns/pid)" "${a0%%-c*}" "$e" "$pc" "$*" >> "$d/log"',
  'if [ "$4" != 0 ]; then sleep "$4"; printf "done\\t%s\\n" "$2" >> "$d/log"; fi',
  'exit "$3"',
].join('\n');

/** One line of the log: a hook run, a hook that finished its sleep, or a marker. */
export type LogEntry =
  | {
      readonly type: 'hook';
      readonly label: string;
      readonly mnt: string;
      readonly pidns: string;
      /** argv[0] the hook got (from its /proc/self/cmdline). */
      readonly argv0: string;
      /** Its OCI_HOOK_* environment entries, sorted, space separated. */
      readonly env: string;
      /** /proc/<state pid>/cmdline with the NULs dropped, as the hook saw it. */
      readonly proc: string;
      /** "$*" of the script: log dir, label, exit code, nap. */
      readonly args: string;
    }
  | { readonly type: 'done'; readonly label: string }
  | { readonly type: 'mark'; readonly label: string };

export interface HookOptions {
  /** Exit status of the hook (default 0). */
  readonly rc?: number;
  /** Seconds the hook sleeps before exiting (default 0). */
  readonly nap?: number;
  /** The hook's `timeout`. */
  readonly timeout?: number;
  /** Extra environment entries (PATH is always set). */
  readonly env?: readonly string[];
  /** Use the in-container path /oci-hooks/busybox (startContainer hooks). */
  readonly inContainer?: boolean;
}

export interface HookRig {
  readonly dir: string;
  readonly logPath: string;
  /** A hook entry writing `label` to the log. */
  hook(label: string, opts?: HookOptions): Hook;
  /** Adds the bind mount of the rig's directory and a program that logs "@program" then runs `then` (default: sleep). */
  base(c: ConfigBuilder, then?: string): ConfigBuilder;
  /** Appends a marker line "@<label>" (from the host, between runtime calls). */
  mark(label: string): Promise<void>;
  read(): Promise<LogEntry[]>;
  /** The state the hook `label` read on its stdin, or undefined if it never ran. */
  stdin(label: string): Promise<string | undefined>;
}

const PATH_ENV = 'PATH=/usr/sbin:/usr/bin:/sbin:/bin';

export function parseLog(text: string): LogEntry[] {
  const out: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('@')) out.push({ type: 'mark', label: line.slice(1) });
    else if (line.startsWith('hook\t')) {
      const [, label = '', mnt = '', pidns = '', argv0 = '', env = '', proc = '', args = ''] = line.split('\t');
      out.push({ type: 'hook', label, mnt, pidns, argv0, env: env.trim(), proc, args });
    } else if (line.startsWith('done\t')) out.push({ type: 'done', label: line.slice(5) });
  }
  return out;
}

/** Index of the first entry with this label (hook, done or mark), -1 when absent. */
export function indexOf(log: readonly LogEntry[], label: string, type: LogEntry['type'] = 'hook'): number {
  return log.findIndex((e) => e.type === type && e.label === label);
}

/** Labels of the hook entries, in log order. */
export function hookOrder(log: readonly LogEntry[]): string[] {
  return log.filter((e) => e.type === 'hook').map((e) => e.label);
}

/** The whole log as short text, for evidence. */
export function describeLog(log: readonly LogEntry[]): string {
  return log.map((e) => (e.type === 'mark' ? `@${e.label}` : e.type === 'done' ? `${e.label}(done)` : e.label)).join(' ');
}

/**
 * Makes the rig under `workDir/hooks`, with a copy of the fixture's busybox
 * (from `bundle`'s rootfs). Undefined when the rootfs has no busybox.
 */
export async function makeRig(workDir: string, bundle: string): Promise<HookRig | undefined> {
  const dir = join(workDir, 'hooks');
  await mkdir(dir, { recursive: true });
  const busybox = join(dir, 'busybox');
  try {
    await copyFile(join(bundle, 'rootfs/bin/busybox'), busybox);
  } catch {
    return undefined;
  }
  await chmod(busybox, 0o755);
  const logPath = join(dir, 'log');
  await appendFile(logPath, '');
  return {
    dir,
    logPath,
    hook(label, o = {}) {
      const h: { path: string; args: string[]; env: string[]; timeout?: number } = {
        path: o.inContainer ? `${INSIDE_DIR}/busybox` : busybox,
        args: ['sh', '-c', HOOK_SCRIPT, 'oci-hook', dir, label, String(o.rc ?? 0), String(o.nap ?? 0)],
        env: [PATH_ENV, ...(o.env ?? [])],
      };
      if (o.timeout !== undefined) h.timeout = o.timeout;
      return h;
    },
    base(c, then = 'exec sleep 600') {
      return c
        .withMount({ destination: INSIDE_DIR, type: 'bind', source: dir, options: ['rbind', 'rw'] })
        .withScript(`echo @program >> ${INSIDE_DIR}/log; ${then}`);
    },
    mark: (label) => appendFile(logPath, `@${label}\n`),
    read: async () => parseLog(await readFile(logPath, 'utf8')),
    stdin: (label) => readFile(join(dir, `${label}.stdin`), 'utf8').catch(() => undefined),
  };
}

/** Adds hooks of one kind, in order. */
export function withHooks(c: ConfigBuilder, kind: HookKind, hooks: readonly Hook[]): ConfigBuilder {
  return hooks.reduce((b, h) => b.withHook(kind, h), c);
}
