/**
 * Where a path leads when the symbolic links on its way are followed, as an
 * extractor that writes through them would: does it stay under the root?
 * Paths are walked one component at a time over a tree of names (the layer's
 * symbolic links, or the whole lower stack), so a check costs the path's
 * components plus what the links it meets expand to, never a string per prefix.
 */

/** A node of a tree of names: its children by component, and its target when it is a symbolic link. */
export interface LinkNode {
  readonly children: ReadonlyMap<string, LinkNode> | undefined;
  readonly link: string | undefined;
}

/** A symbolic link that leads out of the root: its path (in the tree) and its target. */
export interface Escape {
  readonly link: string;
  readonly target: string;
}

/** As many links as Linux follows in one lookup (MAXSYMLINKS) before ELOOP. */
const MAX_LINKS = 40;
/** Components walked for one path, links expanded included; past this we stop and say nothing. */
const MAX_STEPS = 16384;

/**
 * Follows `parts` (clean components: no '', '.', or '..' of the path's own) from the root and
 * returns the first symbolic link on the way that leads outside the root: an absolute target
 * (outside for anything that resolves it on the host) or one whose '..' climb above the root.
 * Every component is followed as a directory, so pass the parent's components for an entry itself.
 * `own(path)`: whether the path is redefined where the check is made (a layer's own entry over a lower
 * link), so that the tree's link there no longer counts.
 */
export function escapeOf(root: LinkNode, parts: readonly string[], own?: (path: string) => boolean): Escape | undefined {
  // the components to walk, last first (so that a link's target is pushed in front of the rest)
  const todo = parts.slice().reverse();
  /** Where we are: the names, and the tree's node for each (undefined once off the tree: no links below). */
  const names: string[] = [];
  const nodes: Array<LinkNode | undefined> = [];
  let links = 0;
  let steps = 0;
  while (todo.length > 0) {
    if (++steps > MAX_STEPS) return undefined;
    const c = todo.pop()!;
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (names.length === 0) return undefined; // only a link's target can say this; caught where it is expanded
      names.pop();
      nodes.pop();
      continue;
    }
    const parent = nodes.length === 0 ? root : nodes[nodes.length - 1];
    const node = parent?.children?.get(c);
    if (node?.link !== undefined) {
      const path = [...names, c].join('/');
      if (!own?.(path)) {
        if (++links > MAX_LINKS) return undefined; // a loop: ELOOP, nothing is written anywhere
        const target = node.link;
        if (target.startsWith('/')) return { link: path, target };
        // does the target climb above the root from the link's directory?
        let depth = names.length;
        for (const t of target.split('/')) {
          if (t === '..') {
            if (--depth < 0) return { link: path, target };
          } else if (t !== '' && t !== '.') depth++;
        }
        for (const t of target.split('/').reverse()) todo.push(t);
        continue;
      }
    }
    names.push(c);
    nodes.push(node);
  }
  return undefined;
}

/** A tree of the symbolic links met so far (and the directories above them): the layer inspector's. */
export class LinkTree {
  /** The root (the tree itself is what escapeOf walks). */
  readonly root: MutableNode = { children: undefined, link: undefined };
  /** How many links the tree holds: none, and there is nothing to check. */
  size = 0;

  /** Records a symbolic link at `parts`, or (target undefined) that the path is something else now. */
  set(parts: readonly string[], target: string | undefined): void {
    if ((target === undefined && this.size === 0) || parts.length === 0) return;
    let n = this.root;
    for (const p of parts) {
      let next = n.children?.get(p);
      if (!next) {
        if (target === undefined) return; // nothing recorded there
        next = { children: undefined, link: undefined };
        n.children ??= new Map();
        n.children.set(p, next);
      }
      n = next;
    }
    if (n.link !== undefined) this.size--;
    n.link = target;
    if (target !== undefined) {
      this.size++;
      n.children = undefined; // a link has no children: what was under its name is not reached through it
    }
  }
}

interface MutableNode {
  children: Map<string, MutableNode> | undefined;
  link: string | undefined;
}
