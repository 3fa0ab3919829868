/**
 * Checks across the layers of one image, in order: a hard link whose target is
 * not earlier in its own layer must find it in the layers below (after their
 * whiteouts); no entry may be written through a symbolic link of a lower layer
 * that leads out of the root. The filesystem is modelled as a tree of names only.
 */
import type { Level } from '../../../spec/types.js';
import type { LayerFinding, LayerSummary, NodeType } from './inspect.js';
import { escapeOf } from './links.js';

/** The most findings of one rule kept per layer; the rest are counted. */
const PER_RULE = 20;

interface Node {
  type: NodeType;
  children: Map<string, Node> | undefined;
  /** A symbolic link's target. */
  link: string | undefined;
}

class Tree {
  readonly root: Node = { type: 'dir', children: new Map(), link: undefined };
  /** Symbolic links ever set (an upper bound of those in the tree): none, and there is nothing to follow. */
  links = 0;

  private find(path: string, create: boolean): Node | undefined {
    let cur = this.root;
    if (path === '') return cur;
    for (const part of path.split('/')) {
      let next = cur.children?.get(part);
      if (!next) {
        if (!create) return undefined;
        next = { type: 'dir', children: undefined, link: undefined };
        cur.children ??= new Map();
        cur.children.set(part, next);
      }
      cur = next;
    }
    return cur;
  }

  get(path: string): NodeType | undefined {
    return this.find(path, false)?.type;
  }

  set(path: string, type: NodeType, link?: string): void {
    const n = this.find(path, true)!;
    if (n.type !== type) {
      n.type = type;
      if (type !== 'dir') n.children = undefined;
    }
    n.link = type === 'symlink' ? link : undefined;
    if (n.link !== undefined) this.links++;
  }

  remove(path: string): void {
    const i = path.lastIndexOf('/');
    const parent = this.find(i < 0 ? '' : path.slice(0, i), false);
    parent?.children?.delete(path.slice(i + 1));
  }

  clear(dir: string): void {
    const n = this.find(dir, false);
    if (n) n.children = undefined;
  }
}

/** Findings per layer index, for the layers of one manifest bottom to top. */
export function checkStack(layers: readonly (LayerSummary | undefined)[]): Map<number, LayerFinding[]> {
  const out = new Map<number, LayerFinding[]>();
  const tree = new Tree();
  /** Findings per layer and rule: the first PER_RULE are kept, the rest counted (as the layer inspector does). */
  const counts = new Map<string, number>();
  const push = (i: number, f: LayerFinding): void => {
    const key = `${i} ${f.rule}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > PER_RULE) return;
    const list = out.get(i) ?? [];
    list.push(f);
    out.set(i, list);
  };
  /** A layer below was not inspected, or its names not all kept: what is missing may be there. */
  let unknownBelow = false;
  layers.forEach((s, i) => {
    if (!s) {
      unknownBelow = true;
      return;
    }
    for (const d of s.opaque) tree.clear(d);
    for (const w of s.whiteouts) tree.remove(w);
    const own = (path: string): boolean => s.entries.has(path);
    for (const l of s.pendingLinks) {
      const through = tree.links > 0 ? escapeOf(tree.root, l.target.split('/').slice(0, -1), own) : undefined;
      if (through) {
        push(i, {
          rule: 'layout.layer.hardlink-escape',
          message: `hard link '${l.path}' points to '${l.target}' through symbolic link '${through.link}' -> '${through.target}' of a lower layer, outside the root${absoluteNote(through.target)}`,
          entry: l.path,
          ...lowerLinkLevel(through.target),
        });
        continue;
      }
      const t = tree.get(l.target);
      if (t === undefined) {
        if (unknownBelow) continue;
        push(i, {
          rule: 'layout.layer.hardlink-target-missing',
          message: `hard link '${l.path}' points to '${l.target}', which is neither earlier in this layer nor in a layer below`,
          entry: l.path,
        });
      } else if (t === 'dir')
        push(i, { rule: 'layout.layer.hardlink-to-directory', message: `hard link '${l.path}' points to directory '${l.target}' of a lower layer`, entry: l.path });
    }
    if (tree.links > 0)
      for (const p of s.entries.keys()) {
        const through = escapeOf(tree.root, p.split('/').slice(0, -1), own);
        if (through)
          push(i, {
            rule: 'layout.layer.symlink-escape',
            message: `entry '${p}' is written through symbolic link '${through.link}' -> '${through.target}' of a lower layer, which leads outside the root: an extractor that follows it writes outside the rootfs${absoluteNote(through.target)}`,
            entry: p,
            ...lowerLinkLevel(through.target),
          });
      }
    for (const [p, type] of s.entries) {
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (!base.startsWith('.wh.')) tree.set(p, type, s.symlinks.get(p));
    }
    if (s.incomplete) unknownBelow = true;
  });
  for (const [key, n] of counts)
    if (n > PER_RULE) {
      const [i, rule] = key.split(' ') as [string, string];
      out.get(Number(i))!.push({ rule: 'layout.layer.more-findings', message: `${n - PER_RULE} more findings of ${rule} across the layers in this layer not shown` });
    }
  return out;
}

/**
 * A lower layer's link with an absolute target, reached by an upper layer's entry: no tar of one filesystem holds a
 * path through a link, but layers stacked by different tools can (a base image's `var/run -> /run`, a layer written
 * by a packaging rule with `var/run/app.pid`), and extractors that resolve links inside the rootfs (containerd,
 * umoci) put it under the root. The spec says nothing of it: a warning, our reading (docs/INTERPRETING.md). A link
 * that climbs above the root with `..`, or any of this within one layer, stays an error.
 */
function lowerLinkLevel(target: string): { readonly level?: Level } {
  return target.startsWith('/') ? { level: 'SHOULD' } : {};
}

function absoluteNote(target: string): string {
  return target.startsWith('/') ? ' (an extractor that resolves links inside the rootfs writes it under the root instead)' : '';
}
