import { mountPropagationCase } from './_lib/mount-options.js';

/** The propagation option shared on a fresh tmpfs mount is its propagation type (mountinfo optional fields). */
export default mountPropagationCase('shared', 'CFG-MOUNT-OPTION-SHARED');
