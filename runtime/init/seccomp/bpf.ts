/**
 * A small assembler for classic BPF as seccomp runs it (linux/filter.h,
 * linux/seccomp.h): instructions with symbolic jump targets, resolved into
 * struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; } (8 bytes each, host
 * order, little-endian on every arch we compile for).
 *
 * Conditional jumps only reach 255 instructions ahead (jt/jf are 8 bits), so
 * the compiler keeps every conditional target local and crosses long
 * distances with `ja` (32-bit offset); `assemble` refuses a conditional jump
 * that would not fit instead of truncating it.
 */

export const BPF_MAXINSNS = 4096;

// instruction classes, sizes, modes, operations and sources
const BPF_LD = 0x00;
const BPF_ALU = 0x04;
const BPF_JMP = 0x05;
const BPF_RET = 0x06;
const BPF_W = 0x00;
const BPF_ABS = 0x20;
const BPF_AND = 0x50;
const BPF_JA = 0x00;
const BPF_JEQ = 0x10;
const BPF_JGT = 0x20;
const BPF_JGE = 0x30;
const BPF_K = 0x00;

export const OP = {
  ldAbs: BPF_LD | BPF_W | BPF_ABS,
  and: BPF_ALU | BPF_AND | BPF_K,
  ja: BPF_JMP | BPF_JA,
  jeq: BPF_JMP | BPF_JEQ | BPF_K,
  jgt: BPF_JMP | BPF_JGT | BPF_K,
  jge: BPF_JMP | BPF_JGE | BPF_K,
  ret: BPF_RET | BPF_K,
} as const;

/** struct seccomp_data: nr at 0, arch at 4, instruction_pointer at 8, args[6] (u64) from 16. */
export const DATA_NR = 0;
export const DATA_ARCH = 4;
/** Offset of the low (lo = true) or high 32 bits of argument `index` (little-endian). */
export function argOffset(index: number, lo: boolean): number {
  return 16 + 8 * index + (lo ? 0 : 4);
}

/** A jump target: a label, or `null` for the next instruction. */
export type Target = string | null;

interface Insn {
  code: number;
  k: number;
  jt: Target;
  jf: Target;
}

/** One decoded instruction, as tests and dumps read them. */
export interface SockFilter {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

export class Assembler {
  private readonly insns: Insn[] = [];
  private readonly labels = new Map<string, number>();
  private next = 0;

  /** A label name unique in this program. */
  fresh(hint: string): string {
    return `${hint}#${this.next++}`;
  }

  get length(): number {
    return this.insns.length;
  }

  label(name: string): void {
    if (this.labels.has(name)) throw new Error(`bpf: label ${name} placed twice`);
    this.labels.set(name, this.insns.length);
  }

  ld(offset: number): void {
    this.insns.push({ code: OP.ldAbs, k: offset, jt: null, jf: null });
  }

  and(k: number): void {
    this.insns.push({ code: OP.and, k: k >>> 0, jt: null, jf: null });
  }

  ret(k: number): void {
    this.insns.push({ code: OP.ret, k: k >>> 0, jt: null, jf: null });
  }

  /** Unconditional jump to a label, any distance ahead. */
  ja(target: string): void {
    this.insns.push({ code: OP.ja, k: 0, jt: target, jf: null });
  }

  /** Conditional jump on A `op` k: to `jt` when true, `jf` when false (each at most 255 ahead). */
  jump(op: 'jeq' | 'jgt' | 'jge', k: number, jt: Target, jf: Target): void {
    this.insns.push({ code: OP[op], k: k >>> 0, jt, jf });
  }

  /** The program as struct sock_filter[]; throws when a label is missing, a jump goes backwards or too far. */
  assemble(): Buffer {
    const out = Buffer.alloc(8 * this.insns.length);
    this.insns.forEach((ins, i) => {
      const dist = (t: Target): number => {
        if (t === null) return 0;
        const at = this.labels.get(t);
        if (at === undefined) throw new Error(`bpf: label ${t} never placed`);
        const d = at - (i + 1);
        if (d < 0) throw new Error(`bpf: jump backwards to ${t} at ${i}`);
        return d;
      };
      let { k } = ins;
      let jt = 0;
      let jf = 0;
      if (ins.code === OP.ja) {
        k = dist(ins.jt);
      } else if (ins.code === OP.jeq || ins.code === OP.jgt || ins.code === OP.jge) {
        jt = dist(ins.jt);
        jf = dist(ins.jf);
        if (jt > 255 || jf > 255) throw new Error(`bpf: conditional jump at ${i} spans ${Math.max(jt, jf)} instructions (at most 255)`);
      }
      out.writeUInt16LE(ins.code, 8 * i);
      out.writeUInt8(jt, 8 * i + 2);
      out.writeUInt8(jf, 8 * i + 3);
      out.writeUInt32LE(k >>> 0, 8 * i + 4);
    });
    return out;
  }
}

/** A program's instructions, decoded (for tests and debugging). */
export function decode(program: Buffer): SockFilter[] {
  const out: SockFilter[] = [];
  for (let o = 0; o + 8 <= program.length; o += 8) {
    out.push({ code: program.readUInt16LE(o), jt: program.readUInt8(o + 2), jf: program.readUInt8(o + 3), k: program.readUInt32LE(o + 4) });
  }
  return out;
}
