/** Reading and writing cgroupfs files: one write(2) per value, never creating a file. */
import { readFileSync, writeFileSync } from 'node:fs';

/** 'EINVAL (invalid argument)' from a Node fs error. */
export function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (!err.code) return String(e);
  const what = err.message.replace(/^[A-Z0-9]+: /, '').replace(/,.*$/, '');
  return `${what} (${err.code})`;
}

/** Writes `value` in one write(2); 'r+' so a missing file is ENOENT instead of a new regular file. */
export function writeCgroupFile(path: string, value: string): void {
  writeFileSync(path, value, { flag: 'r+' });
}

export function readCgroupFile(path: string): string {
  return readFileSync(path, 'utf8');
}
