/**
 * Checks across the layers of one image, in order: a hard link whose target is
 * not earlier in its own layer must find it in the layers below (after their
 * whiteouts). The filesystem is modelled as a tree of names only.
 */
import type { LayerFinding, LayerSummary, NodeType } from './inspect.js';

interface Node {
  type: NodeType;
  children: Map<string, Node> | undefined;
}

class Tree {
  private readonly root: Node = { type: 'dir', children: new Map() };

  private find(path: string, create: boolean): Node | undefined {
    let cur = this.root;
    if (path === '') return cur;
    for (const part of path.split('/')) {
      let next = cur.children?.get(part);
      if (!next) {
        if (!create) return undefined;
        next = { type: 'dir', children: undefined };
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

  set(path: string, type: NodeType): void {
    const n = this.find(path, true)!;
    if (n.type !== type) {
      n.type = type;
      if (type !== 'dir') n.children = undefined;
    }
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
  layers.forEach((s, i) => {
    if (!s) return;
    for (const d of s.opaque) tree.clear(d);
    for (const w of s.whiteouts) tree.remove(w);
    for (const l of s.pendingLinks) {
      const t = tree.get(l.target);
      if (t === undefined) {
        const f = out.get(i) ?? [];
        f.push({
          rule: 'layout.layer.hardlink-target-missing',
          message: `hard link '${l.path}' points to '${l.target}', which is neither earlier in this layer nor in a layer below`,
          entry: l.path,
        });
        out.set(i, f);
      } else if (t === 'dir') {
        const f = out.get(i) ?? [];
        f.push({ rule: 'layout.layer.hardlink-to-directory', message: `hard link '${l.path}' points to directory '${l.target}' of a lower layer`, entry: l.path });
        out.set(i, f);
      }
    }
    for (const [p, type] of s.entries) {
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (!base.startsWith('.wh.')) tree.set(p, type);
    }
  });
  return out;
}
