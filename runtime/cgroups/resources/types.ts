/**
 * What applying linux.resources comes down to: an ordered list of writes to
 * cgroup files, each charged to the config field it comes from. The list is
 * worked out from a view of the container's cgroups (pure, so v1 and v2 hosts
 * can both be tested here); apply.ts performs it.
 */

export type Version = 'v1' | 'v2';

export interface CgroupWrite {
  /** The config field, for messages: 'linux.resources.memory.limit'. */
  readonly field: string;
  /** The controller whose cgroup holds the file ('cgroup' for v2 core files). */
  readonly controller: string;
  readonly version: Version;
  /** File name inside the container's cgroup directory. */
  readonly file: string;
  readonly value: string;
  /**
   * Write the same value first to the ancestors of the container's cgroup that
   * we created, top-down (v1 RT budget: a cgroup gets no more than its parent).
   */
  readonly ancestorsFirst?: boolean;
  /** Read back after writing: a reason when the kernel accepted the write but kept another value. */
  readonly verify?: (readBack: string) => string | undefined;
}

export interface CgroupView {
  /** Which hierarchy serves a controller for the container: v1 when it has a v1 hierarchy, else v2 when the unified one offers it. */
  serving(controller: string): Version | undefined;
  /** Whether the unified hierarchy offers a controller (for linux.resources.unified). */
  unifiedOffers(controller: string): boolean;
  /** The controllers the unified hierarchy offers ([] without one), for messages. */
  readonly unifiedControllers: readonly string[] | undefined;
  /** Whether the container's cgroup of that controller has the file (on v2 once the controller is enabled for it). */
  has(controller: string, version: Version, file: string): boolean;
}

/** A field that cannot be applied on this host: one line naming it and why. */
export function refuse(field: string, why: string): never {
  throw new Error(`${field}: ${why}`);
}

/** The hierarchy serving a controller, or a refusal naming the field. */
export function need(view: CgroupView, controller: string, field: string): Version {
  return view.serving(controller) ?? refuse(field, `this host has no ${controller} cgroup controller (not mounted as cgroup v1, not offered by the unified hierarchy)`);
}
