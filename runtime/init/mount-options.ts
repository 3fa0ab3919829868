// STUB
export const MOUNT_OPTIONS: string[] = [];
