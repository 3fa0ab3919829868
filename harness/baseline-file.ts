/**
 * Reading a baseline file (ci/expectations/*): JSON, or YAML (.yaml/.yml, with
 * comments). Either way the caller gets the plain document and `at(path)`, the
 * place to name in an error: `file:line` for YAML (the line of the key or item
 * at that path, else of its nearest parent), `file` for JSON.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { OciError } from '../core/errors.js';

export type PathItem = string | number;

export interface BaselineText {
  readonly doc: unknown;
  readonly at: (path: readonly PathItem[]) => string;
  /** The YAML document (comments and order kept), for a rewrite; absent for JSON. */
  readonly yaml?: Document;
}

export const isYamlFile = (file: string): boolean => /\.ya?ml$/i.test(file);

export function readBaseline(file: string): BaselineText {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OciError('OCI_CONFORM_EXPECTATIONS', `${file}: ${(e as Error).message}`, { cause: e });
  }
  if (!isYamlFile(file)) {
    try {
      return { doc: JSON.parse(text), at: () => file };
    } catch (e) {
      throw new OciError('OCI_CONFORM_EXPECTATIONS', `${file}: ${(e as Error).message}`, { cause: e });
    }
  }
  const lines = new LineCounter();
  // uniqueKeys (the default): a case id twice in one file is an error, as it is across files
  const yaml = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = yaml.errors[0];
  if (first) {
    const line = first.linePos?.[0].line ?? lines.linePos(first.pos[0]).line;
    throw new OciError('OCI_CONFORM_EXPECTATIONS', `${file}:${line}: ${first.message.split('\n')[0]}`);
  }
  const at = (path: readonly PathItem[]): string => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? yaml.contents : yaml.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return `${file}:${lines.linePos(node.range[0]).line}`;
    }
    return file;
  };
  return { doc: yaml.toJS() as unknown, at, yaml };
}
