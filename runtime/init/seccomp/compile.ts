/**
 * linux.seccomp compiled into a classic BPF program, as libseccomp would
 * build it, without libseccomp:
 *
 * 1. the architecture: each one the config lists (plus the native one, always)
 *    that this kernel runs gets its block; x32 is AUDIT_ARCH_X86_64 with bit 30
 *    in the number. Any other architecture, and x32 when not listed, gets the
 *    bad-architecture action, SECCOMP_RET_KILL_THREAD (libseccomp's SCMP_ACT_KILL);
 * 2. per syscall number: rules with argument conditions in config order (the
 *    first whose conditions all hold gives its action: entries for one name are
 *    OR, the conditions of an entry AND), then the first rule without conditions,
 *    else defaultAction. Numbers whose outcome is defaultAction are left out;
 * 3. each 64-bit comparison as two 32-bit halves (high, then low).
 *
 * Names an architecture does not have are skipped there (checkSeccomp warns).
 */
import type { Seccomp } from '../../spec.js';
import { argOffset, Assembler, BPF_MAXINSNS, DATA_ARCH, DATA_NR } from './bpf.js';
import { type Condition, FIELD, type Model, readModel, type Rule } from './model.js';
import { FILTER_FLAG, RET, type RunnableArch, runnableArches, syscallNumber, type TableName, X32_SYSCALL_BIT } from './names.js';

export interface CompiledSeccomp {
  /** struct sock_filter[] */
  program: Buffer;
  /** SECCOMP_FILTER_FLAG_* for seccomp(2), without NEW_LISTENER (installSeccomp adds it when `notify`). */
  flags: number;
  /** A rule has SCMP_ACT_NOTIFY: the filter is loaded with a listener. */
  notify: boolean;
}

/** The action for bad architectures: libseccomp's default, SCMP_ACT_KILL. */
export const BAD_ARCH_RET = RET.KILL_THREAD;

/** What a syscall number does: a plain action, or rules with conditions tried before a fallback. */
interface Plan {
  conditional: Rule[];
  fallback: number;
}

/** The plan of every number of `table` that some rule names and whose outcome is not simply the default. */
function plans(model: Model, table: TableName): Map<number, Plan> {
  const byNr = new Map<number, Rule[]>();
  for (const rule of model.rules) {
    for (const name of new Set(rule.names)) {
      const nr = syscallNumber(table, name);
      if (nr === undefined) continue;
      const list = byNr.get(nr) ?? [];
      list.push(rule);
      byNr.set(nr, list);
    }
  }
  const out = new Map<number, Plan>();
  for (const [nr, rules] of byNr) {
    const conditional = rules.filter((r) => r.conditions.length > 0);
    const fallback = rules.find((r) => r.conditions.length === 0)?.ret ?? model.defaultRet;
    // trailing rules that give the fallback anyway change nothing
    while (conditional.length > 0 && conditional[conditional.length - 1]!.ret === fallback) conditional.pop();
    if (conditional.length === 0 && fallback === model.defaultRet) continue;
    out.set(nr, { conditional, fallback });
  }
  return out;
}

/** Falls through when `c` holds for the loaded seccomp_data, jumps to `failed` when it does not. */
function emitCondition(asm: Assembler, c: Condition, failed: string): void {
  const ok = asm.fresh('ok');
  const bad = asm.fresh('bad');
  const hi = (v: bigint): number => Number(v >> 32n);
  const lo = (v: bigint): number => Number(v & 0xffffffffn);
  const v = c.value;
  const hiAt = argOffset(c.index, false);
  const loAt = argOffset(c.index, true);
  switch (c.op) {
    case 'SCMP_CMP_EQ':
    case 'SCMP_CMP_NE': {
      const [yes, no] = c.op === 'SCMP_CMP_EQ' ? [ok, bad] : [bad, ok];
      asm.ld(hiAt);
      asm.jump('jeq', hi(v), null, no);
      asm.ld(loAt);
      asm.jump('jeq', lo(v), yes, no);
      break;
    }
    case 'SCMP_CMP_GT':
    case 'SCMP_CMP_GE':
    case 'SCMP_CMP_LE':
    case 'SCMP_CMP_LT': {
      // GT/GE hold when high > v.high, or high == v.high and low >(=) v.low; LE/LT are their negations
      const positive = c.op === 'SCMP_CMP_GT' || c.op === 'SCMP_CMP_GE';
      const [yes, no] = positive ? [ok, bad] : [bad, ok];
      const strict = c.op === 'SCMP_CMP_GT' || c.op === 'SCMP_CMP_LE';
      asm.ld(hiAt);
      asm.jump('jgt', hi(v), yes, null);
      asm.jump('jeq', hi(v), null, no);
      asm.ld(loAt);
      asm.jump(strict ? 'jgt' : 'jge', lo(v), yes, no);
      break;
    }
    case 'SCMP_CMP_MASKED_EQ': {
      // (arg & value) == valueTwo
      const want = c.valueTwo;
      asm.ld(hiAt);
      asm.and(hi(v));
      asm.jump('jeq', hi(want), null, bad);
      asm.ld(loAt);
      asm.and(lo(v));
      asm.jump('jeq', lo(want), ok, bad);
      break;
    }
  }
  asm.label(bad);
  asm.ja(failed);
  asm.label(ok);
}

/** Conditional jumps reach 255 ahead: a run of `jeq nr` sharing one return stays below that. */
const RUN = 250;

/** The rules of one architecture; A holds the syscall number on entry. Ends with the default action. */
function emitTable(asm: Assembler, model: Model, table: TableName): void {
  const byNr = plans(model, table);
  // numbers with a plain action: runs of `jeq nr, ret` sharing one return per action
  const plain = new Map<number, number[]>();
  for (const [nr, p] of byNr) {
    if (p.conditional.length > 0) continue;
    const list = plain.get(p.fallback) ?? [];
    list.push(nr);
    plain.set(p.fallback, list);
  }
  for (const [ret, nrs] of plain) {
    nrs.sort((a, b) => a - b);
    for (let i = 0; i < nrs.length; i += RUN) {
      const hit = asm.fresh('hit');
      const past = asm.fresh('past');
      for (const nr of nrs.slice(i, i + RUN)) asm.jump('jeq', nr, hit, null);
      asm.ja(past);
      asm.label(hit);
      asm.ret(ret);
      asm.label(past);
    }
  }
  // numbers with conditions: their own block, skipped by a long jump for the others
  for (const [nr, p] of [...byNr].sort((a, b) => a[0] - b[0])) {
    if (p.conditional.length === 0) continue;
    const body = asm.fresh('body');
    const past = asm.fresh('past');
    asm.jump('jeq', nr, body, null);
    asm.ja(past);
    asm.label(body);
    for (const rule of p.conditional) {
      const next = asm.fresh('next');
      for (const c of rule.conditions) emitCondition(asm, c, next);
      asm.ret(rule.ret);
      asm.label(next);
    }
    asm.ret(p.fallback);
    asm.label(past);
  }
  asm.ret(model.defaultRet);
}

/** The architectures the filter gives a block: the native one and every listed one this kernel runs. */
export function filteredArches(model: Model, arch: string): RunnableArch[] {
  const runnable = runnableArches(arch);
  if (!runnable) throw new Error(`${FIELD}: no seccomp support for node's architecture ${arch}`);
  return runnable.filter((r, i) => i === 0 || model.architectures.includes(r.name));
}

function compileModel(model: Model, arch: string): CompiledSeccomp {
  const arches = filteredArches(model, arch).filter((a) => a.table !== undefined);
  const x32 = arches.find((a) => a.table === 'x32');
  const blocks = arches.filter((a) => a !== x32);
  const asm = new Assembler();
  const label = new Map(blocks.map((a) => [a, asm.fresh(a.name)]));
  asm.ld(DATA_ARCH);
  for (const a of blocks) {
    const other = asm.fresh('other');
    asm.jump('jeq', a.audit, null, other);
    asm.ja(label.get(a)!);
    asm.label(other);
  }
  asm.ret(BAD_ARCH_RET);
  const x32Label = asm.fresh('SCMP_ARCH_X32');
  for (const a of blocks) {
    asm.label(label.get(a)!);
    asm.ld(DATA_NR);
    if (a.table === 'x86_64') {
      // numbers from bit 30 up are x32 calls (-1, a call a tracer skipped, is not one)
      const native = asm.fresh('native');
      asm.jump('jge', X32_SYSCALL_BIT, null, native);
      asm.jump('jeq', 0xffffffff, native, null);
      if (x32) asm.ja(x32Label);
      else asm.ret(BAD_ARCH_RET);
      asm.label(native);
    }
    emitTable(asm, model, a.table!);
  }
  if (x32) {
    asm.label(x32Label);
    emitTable(asm, model, 'x32');
  }
  if (asm.length > BPF_MAXINSNS) throw new Error(`${FIELD}: the filter needs ${asm.length} BPF instructions, more than the kernel's limit of ${BPF_MAXINSNS}`);
  let flags = model.flags;
  // the kernel takes TSYNC with a listener only when told how to report a thread it can't sync
  if (model.notify && flags & FILTER_FLAG.TSYNC) flags |= FILTER_FLAG.TSYNC_ESRCH;
  return { program: asm.assemble(), flags, notify: model.notify };
}

export function compileSeccomp(s: Seccomp, arch: NodeJS.Architecture = process.arch): CompiledSeccomp {
  return compileModel(readModel(s), arch);
}
