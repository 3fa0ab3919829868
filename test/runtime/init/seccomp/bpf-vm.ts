/**
 * A classic BPF interpreter for the instructions the seccomp compiler emits, so tests can ask what a program
 * returns for a given (arch, nr, args) without loading it.
 */
import { DATA_ARCH, DATA_NR, decode, OP } from '../../../../runtime/init/seccomp/bpf.js';

/** Runs a program on one struct seccomp_data, as the kernel would (for tests): the returned action. */
export function run(program: Buffer, data: { nr: number; arch: number; args?: readonly bigint[] }): number {
  const insns = decode(program);
  const mem = Buffer.alloc(64);
  mem.writeInt32LE(data.nr | 0, DATA_NR);
  mem.writeUInt32LE(data.arch >>> 0, DATA_ARCH);
  (data.args ?? []).forEach((a, i) => mem.writeBigUInt64LE(BigInt.asUintN(64, a), 16 + 8 * i));
  let a = 0;
  for (let pc = 0; pc < insns.length; ) {
    const { code, jt, jf, k } = insns[pc]!;
    pc++;
    switch (code) {
      case OP.ldAbs:
        a = mem.readUInt32LE(k);
        break;
      case OP.and:
        a = (a & k) >>> 0;
        break;
      case OP.ja:
        pc += k;
        break;
      case OP.jeq:
        pc += a === k ? jt : jf;
        break;
      case OP.jgt:
        pc += a > k ? jt : jf;
        break;
      case OP.jge:
        pc += a >= k ? jt : jf;
        break;
      case OP.ret:
        return k;
      default:
        throw new Error(`bpf: unknown opcode 0x${code.toString(16)} at ${pc - 1}`);
    }
  }
  throw new Error('bpf: program ran off its end');
}
