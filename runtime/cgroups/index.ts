/**
 * The container's cgroups through cgroupfs, on v1, v2 and hybrid hosts:
 * plan the directories from linux.cgroupsPath, create them and place the
 * init process, apply linux.resources, list the processes, remove exactly
 * what was created.
 */
export { planCgroups, type CgroupPlan, type PlannedCgroup } from './plan.js';
export { createCgroups, cgroupPids, removeCgroups, type CgroupRecord, type RecordedCgroup } from './create.js';
export { applyResources } from './apply.js';
