/** Linux capability numbers (linux/capability.h) and the hex masks of /proc/<pid>/status. */
export const CAPABILITY_NAMES: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW',
  'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE', 'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD',
  'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG',
  'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];

/** Names of the bits set in a status mask like '000001ffffffffff' (unknown bits as CAP_<n>), sorted by number. */
export function decodeCapabilities(hex: string): string[] {
  const mask = BigInt(`0x${hex.trim() || '0'}`);
  const out: string[] = [];
  for (let bit = 0n; mask >> bit !== 0n; bit++) {
    if ((mask >> bit) & 1n) out.push(CAPABILITY_NAMES[Number(bit)] ?? `CAP_${bit}`);
  }
  return out;
}

/** The inverse: a mask for a list of names (unknown names throw). */
export function encodeCapabilities(names: readonly string[]): bigint {
  let mask = 0n;
  for (const n of names) {
    const i = CAPABILITY_NAMES.indexOf(n);
    if (i < 0) throw new Error(`unknown capability ${n}`);
    mask |= 1n << BigInt(i);
  }
  return mask;
}
