/**
 * Test driver of runtime/init/process.ts: `node --import tsx/esm process-driver.ts '<json>'` with
 * {ociVersion, process, linux?, script}. It checks the config, applies the attributes and the credentials as the
 * container init does (the exact rlimits last, right before execve), then execs `/usr/bin/busybox sh -c <script>`. Warnings go to stderr as `WARN <message>`;
 * a refusal or failure as `ERROR <message>` with exit status 3.
 */
import { readFileSync } from 'node:fs';
import type { Linux, Process } from '../../../runtime/spec.js';
import { applyCredentials, applyProcessAttributes, applyRlimits, checkProcessConfig } from '../../../runtime/init/process.js';
import { errno, execve, F_GETFD, F_SETFD, FD_CLOEXEC, fcntl, strerror } from '../../../runtime/libc.js';

interface Input {
  ociVersion: string;
  process: Process;
  linux?: Linux;
  script: string;
  /** Print /proc/self/limits to stderr (lines `BETWEEN ...`) after applyCredentials, before applyRlimits. */
  between?: boolean;
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const warn = (m: string): void => void process.stderr.write(`WARN ${m}\n`);
try {
  for (const w of checkProcessConfig(input.process, input.ociVersion, input.linux)) warn(w);
  applyProcessAttributes(input.process, input.linux);
  applyCredentials(input.process, warn);
  if (input.between) for (const l of readFileSync('/proc/self/limits', 'utf8').split('\n')) process.stderr.write(`BETWEEN ${l}\n`);
  applyRlimits(input.process);
  for (const fd of [0, 1, 2]) fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) & ~FD_CLOEXEC);
  execve('/usr/bin/busybox', ['sh', '-c', input.script], ['PATH=/usr/bin:/bin']);
  const e = errno();
  process.stderr.write(`ERROR execve: ${strerror(e)}\n`);
} catch (e) {
  process.stderr.write(`ERROR ${(e as Error).message}\n`);
}
process.exit(3);
