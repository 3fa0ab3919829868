/**
 * Writes runtime/init/seccomp/syscalls.ts: the system call numbers of x86_64,
 * i386, x32 and aarch64, read from this machine's kernel headers (Debian's
 * linux-libc-dev), so the seccomp compiler resolves names without libseccomp.
 *
 *   node --import tsx/esm scripts/syscall-table.ts [--check]
 *
 * x86 headers are flat `#define __NR_name number` lists (x32 adds
 * `__X32_SYSCALL_BIT`). aarch64 has no header of its own here: it uses
 * asm-generic/unistd.h with what arm64's uapi asm/unistd.h defines before
 * including it (the __ARCH_WANT_* list below) and 64-bit longs, so the
 * generic header's conditionals are evaluated by a small preprocessor.
 * `--check` exits 1 when the committed module differs from what the headers give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INCLUDE = '/usr/include';
const X86 = `${INCLUDE}/x86_64-linux-gnu/asm`;
export const SYSCALLS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'runtime', 'init', 'seccomp', 'syscalls.ts');

/** What arch/arm64/include/uapi/asm/unistd.h defines before including asm-generic/unistd.h. */
const ARM64_WANTS = ['__ARCH_WANT_RENAMEAT', '__ARCH_WANT_NEW_STAT', '__ARCH_WANT_SET_GET_RLIMIT', '__ARCH_WANT_TIME32_SYSCALLS', '__ARCH_WANT_SYS_CLONE3', '__ARCH_WANT_MEMFD_SECRET'];

type Table = Map<string, number>;

/** A C integer expression of numbers, known macros, + and parentheses (all these headers use). */
function evalNumber(expr: string, macros: Map<string, string>, depth = 0): number | undefined {
  if (depth > 20) return undefined;
  const replaced = expr.replace(/\b[A-Za-z_]\w*/g, (id) => {
    const v = macros.get(id);
    if (v === undefined) return 'NaN';
    const n = evalNumber(v, macros, depth + 1);
    return n === undefined ? 'NaN' : String(n);
  });
  if (!/^[\s\d+()xXa-fA-FNa-]*$/.test(replaced)) return undefined;
  const terms = replaced.replace(/[()\s]/g, '').split('+');
  let sum = 0;
  for (const t of terms) {
    const n = Number(t);
    if (!Number.isInteger(n)) return undefined;
    sum += n;
  }
  return sum;
}

/** A preprocessor condition: defined(X), !, ==, !=, &&, ||, numbers and macros. */
function evalCondition(cond: string, macros: Map<string, string>): boolean {
  const js = cond
    .replace(/\/\*.*?\*\//g, '')
    .replace(/defined\s*\(\s*(\w+)\s*\)/g, (_m, id: string) => (macros.has(id) ? '1' : '0'))
    .replace(/\b[A-Za-z_]\w*/g, (id) => String(evalNumber(id, macros) ?? 0));
  if (!/^[\s\d!=&|()<>]*$/.test(js)) throw new Error(`cannot evaluate #if ${cond}`);
  return Boolean(new Function(`return (${js});`)());
}

/** The `__NR_*` numbers a header defines under `predefined` macros (its #if/#ifdef/#else/#endif followed). */
export function parseUnistd(text: string, predefined: Record<string, string> = {}): Table {
  const macros = new Map(Object.entries(predefined));
  const active: boolean[] = [];
  const taken: boolean[] = [];
  const on = (): boolean => active.every(Boolean);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^#\s*if(n?)def\s+(\w+)/))) {
      const v = macros.has(m[2]!) !== (m[1] === 'n');
      active.push(v);
      taken.push(v);
    } else if ((m = line.match(/^#\s*if\s+(.*)$/))) {
      const v = on() ? evalCondition(m[1]!, macros) : false;
      active.push(v);
      taken.push(v);
    } else if (/^#\s*else\b/.test(line)) {
      active[active.length - 1] = !taken[taken.length - 1];
    } else if (/^#\s*endif\b/.test(line)) {
      active.pop();
      taken.pop();
    } else if (!on()) {
      continue;
    } else if ((m = line.match(/^#\s*define\s+(\w+)(?:\s+(.*?))?\s*(?:\/\*.*)?$/))) {
      macros.set(m[1]!, m[2] ?? '');
    } else if ((m = line.match(/^#\s*undef\s+(\w+)/))) {
      macros.delete(m[1]!);
    }
  }
  const table: Table = new Map();
  for (const [name, value] of macros) {
    if (!name.startsWith('__NR_') || name === '__NR_syscalls') continue;
    const n = evalNumber(value, macros);
    if (n !== undefined) table.set(name.slice(5), n);
  }
  return table;
}

/** One architecture as the data module stores it: `base` plus each name's offset, names in number order. */
export function renderArch(table: Table, base: number): string {
  const byNr: string[] = [];
  for (const [name, nr] of table) {
    const i = nr - base;
    if (i < 0 || i > 4095) throw new Error(`${name}: number ${nr} out of range for base ${base}`);
    if (byNr[i] !== undefined) throw new Error(`${name} and ${byNr[i]} share number ${nr}`);
    byNr[i] = name;
  }
  return Array.from(byNr, (n) => n ?? '').join(' ');
}

export function renderSyscalls(): string {
  const read = (p: string): string => readFileSync(p, 'utf8');
  const x32Bit = { __X32_SYSCALL_BIT: '0x40000000' };
  const arches: [string, Table, number][] = [
    ['x86_64', parseUnistd(read(`${X86}/unistd_64.h`)), 0],
    ['x86', parseUnistd(read(`${X86}/unistd_32.h`)), 0],
    ['x32', parseUnistd(read(`${X86}/unistd_x32.h`), x32Bit), 0x40000000],
    ['aarch64', parseUnistd(read(`${INCLUDE}/asm-generic/unistd.h`), { __BITS_PER_LONG: '64', ...Object.fromEntries(ARM64_WANTS.map((w) => [w, ''])) }), 0],
  ];
  const lines = arches.map(([arch, table, base]) => `  ${arch}: { base: ${base === 0 ? 0 : `0x${base.toString(16)}`}, names: '${renderArch(table, base)}' },`);
  return [
    '/**',
    ' * System call numbers by architecture, generated by scripts/syscall-table.ts from the kernel headers of',
    ' * linux-libc-dev (unistd_64.h, unistd_32.h, unistd_x32.h, asm-generic/unistd.h); do not edit by hand.',
    ' * `names` lists the names in number order, space-separated, an empty field for an unused number: the',
    ' * number of the name at index i is base + i.',
    ' */',
    'export const SYSCALL_TABLES = {',
    ...lines,
    '} as const;',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderSyscalls();
  if (process.argv.includes('--check')) {
    const same = readFileSync(SYSCALLS_FILE, 'utf8') === text;
    if (!same) console.error(`${SYSCALLS_FILE} differs from the kernel headers; run scripts/syscall-table.ts`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(SYSCALLS_FILE, text);
    console.log(`wrote ${SYSCALLS_FILE}`);
  }
}
