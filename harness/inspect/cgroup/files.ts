/** Small helpers to read cgroupfs files: missing files are undefined, never errors. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function readText(dir: string | undefined, file: string): Promise<string | undefined> {
  if (dir === undefined) return undefined;
  try {
    return (await readFile(join(dir, file), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** v1 "unlimited" values are PAGE_COUNTER_MAX pages in bytes (about 2^63) or -1: both become -1. */
export function v1Bytes(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return n >= 2 ** 62 || n === -1 ? -1 : n;
}

/** v2 numbers where 'max' means unlimited (-1 in the spec's shape). */
export function v2Number(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  return s === 'max' ? -1 : Number(s);
}

export async function readNumber(dir: string | undefined, file: string): Promise<number | undefined> {
  const t = await readText(dir, file);
  return t === undefined || t === '' ? undefined : Number(t);
}

export async function listDir(dir: string | undefined): Promise<string[]> {
  if (dir === undefined) return [];
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** Lines 'MAJ:MIN value' -> [{major, minor, value}] */
export function deviceLines(s: string | undefined): { major: number; minor: number; value: string }[] {
  const out: { major: number; minor: number; value: string }[] = [];
  for (const line of (s ?? '').split('\n')) {
    const m = /^(\d+):(\d+)\s+(.+)$/.exec(line.trim());
    if (m) out.push({ major: Number(m[1]), minor: Number(m[2]), value: m[3]! });
  }
  return out;
}

/** Drops undefined members so `compare` sees only what the host has. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
