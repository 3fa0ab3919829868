import { mountPropagationCase } from './_lib/mount-options.js';

/** The propagation option unbindable on a fresh tmpfs mount is its propagation type (mountinfo optional fields). */
export default mountPropagationCase('unbindable', 'CFG-MOUNT-OPTION-UNBINDABLE');
