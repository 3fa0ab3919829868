/**
 * The container's cgroups through cgroupfs, on v1, v2 and hybrid hosts (the
 * layout read from /proc/self/mountinfo and /proc/self/cgroup):
 *
 *   const rec = createCgroups(planCgroups(spec.linux?.cgroupsPath, id), initPid); // rolls back itself on failure
 *   (or makeCgroups, applyResources, then placeInCgroups: limits in place before the process joins)
 *   try { applyResources(rec, spec.linux?.resources, spec); } catch (e) { removeCgroups(rec); throw e; }
 *   ... cgroupPids(rec) to signal or to see whether anything still runs; removeCgroups(rec) on delete.
 *
 * The record is plain JSON, to keep with the container's state between commands.
 */
export { planCgroups, type CgroupPlan, type PlannedCgroup } from './plan.js';
export { createCgroups, makeCgroups, placeInCgroups, cgroupPids, emptyAndRemoveCgroups, removeCgroups, type CgroupRecord, type RecordedCgroup } from './create.js';
export { applyResources } from './apply.js';
