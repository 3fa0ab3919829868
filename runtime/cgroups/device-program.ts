/**
 * Device rules on cgroup v2: an eBPF program of type BPF_PROG_TYPE_CGROUP_DEVICE
 * attached to the container's cgroup. The kernel runs it on each open or mknod
 * of a device node with (access << 16 | type, major, minor) and allows the
 * access when it returns 1. The program checks the rules from the last to the
 * first and answers with the first that matches, which is what applying them in
 * order means (a later rule overrides an earlier one); nothing matched = denied,
 * as after v1's 'a' deny. A rule matches when its type is 'a' or the node's,
 * its major and minor are wildcards or equal, and the requested access is a
 * subset of its access (the v1 kernel's rule).
 */
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY, SysError, bpfAttachDeviceProgram, bpfLoadDeviceProgram, close, errno, open } from '../libc.js';

export interface DeviceEntry {
  readonly allow: boolean;
  readonly type: 'a' | 'b' | 'c';
  /** undefined = any */
  readonly major?: number;
  readonly minor?: number;
  readonly access: string;
}

// struct bpf_cgroup_dev_ctx { u32 access_type; u32 major; u32 minor; }
const DEV_BLOCK = 1;
const DEV_CHAR = 2;
const ACC = { m: 1, r: 2, w: 4 } as const;

/** One 8-byte instruction: opcode, dst and src registers, offset, immediate. */
function insn(op: number, dst: number, src: number, off: number, imm: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt8(op, 0);
  b.writeUInt8((src << 4) | dst, 1);
  b.writeInt16LE(off, 2);
  b.writeInt32LE(imm, 4);
  return b;
}
const LDX_W = 0x61; // dst = *(u32 *)(src + off)
const AND_K = 0x57; // dst &= imm (64-bit)
const RSH_K = 0x77; // dst >>= imm
const MOV_K = 0xb7; // dst = imm
const MOV_X = 0xbf; // dst = src
const JNE_K = 0x55; // if dst != imm: pc += off
const JNE_X = 0x5d; // if dst != src: pc += off
const EXIT = 0x95;

/** The program for the entries in order (the last matching one decides; none = deny). */
export function compileDeviceProgram(entries: readonly DeviceEntry[]): Buffer {
  const out: Buffer[] = [
    insn(LDX_W, 2, 1, 0, 0), // r2 = access_type
    insn(AND_K, 2, 0, 0, 0xffff), // r2 = type
    insn(LDX_W, 3, 1, 0, 0),
    insn(RSH_K, 3, 0, 0, 16), // r3 = access
    insn(LDX_W, 4, 1, 4, 0), // r4 = major
    insn(LDX_W, 5, 1, 8, 0), // r5 = minor
  ];
  for (const e of [...entries].reverse()) {
    const mask = [...e.access].reduce((m, c) => m | (ACC[c as keyof typeof ACC] ?? 0), 0);
    // Tests, each jumping past the rest of the block when it fails; the block ends with r0 = verdict; exit.
    const tests: [number, number, number, number][] = [];
    if (e.type !== 'a') tests.push([JNE_K, 2, 0, e.type === 'b' ? DEV_BLOCK : DEV_CHAR]);
    if (mask !== 7) tests.push([MOV_X, 1, 3, 0], [AND_K, 1, 0, mask], [JNE_X, 1, 3, 0]);
    if (e.major !== undefined) tests.push([JNE_K, 4, 0, e.major]);
    if (e.minor !== undefined) tests.push([JNE_K, 5, 0, e.minor]);
    tests.forEach(([op, dst, src, imm], i) => {
      const isJump = op === JNE_K || op === JNE_X;
      out.push(insn(op, dst, src, isJump ? tests.length - 1 - i + 2 : 0, isJump && op === JNE_X ? 0 : imm));
    });
    out.push(insn(MOV_K, 0, 0, 0, e.allow ? 1 : 0), insn(EXIT, 0, 0, 0, 0));
    // A rule matching every access decides all that is left: the verifier refuses unreachable code after it.
    if (tests.length === 0) return Buffer.concat(out);
  }
  out.push(insn(MOV_K, 0, 0, 0, 0), insn(EXIT, 0, 0, 0, 0));
  return Buffer.concat(out);
}

/** Loads the program and attaches it to the cgroup v2 directory `dir` (it stays while the cgroup lives). */
export function attachDeviceProgram(dir: string, program: Buffer): void {
  const log = Buffer.alloc(65536);
  const prog = bpfLoadDeviceProgram(program, log);
  if (prog < 0) {
    const e = errno();
    const words = log.toString('utf8', 0, Math.max(0, log.indexOf(0))).trim().split('\n').slice(-2).join(' / ');
    throw new SysError('bpf(BPF_PROG_LOAD)', e, `of the device program (${program.length / 8} instructions)${words ? `: ${words}` : ''}`);
  }
  try {
    const fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw new SysError('open', errno(), dir);
    try {
      if (bpfAttachDeviceProgram(fd, prog) < 0) throw new SysError('bpf(BPF_PROG_ATTACH)', errno(), `of the device program to ${dir}`);
    } finally {
      close(fd);
    }
  } finally {
    close(prog);
  }
}
