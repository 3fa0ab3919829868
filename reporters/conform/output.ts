/** Where a reporter writes: a stream (stdout) or a file written at the end (NAME=FILE). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Sink {
  write(s: string): void;
  /** Flushes a file sink. */
  close(): void;
  readonly isTTY: boolean;
}

export function sinkFor(file: string | undefined, stream: NodeJS.WriteStream = process.stdout): Sink {
  if (!file) return { write: (s) => void stream.write(s), close: () => undefined, isTTY: !!stream.isTTY };
  let buf = '';
  return {
    write: (s) => void (buf += s),
    close: () => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, buf);
    },
    isTTY: false,
  };
}
