import type { CheckedBy, Keyword, Requirement } from '../types.js';

const NEEDS_WINDOWS: CheckedBy = {
  by: 'untestable',
  why: 'needs a Windows host and a Windows runtime (HCS); oci-conform drives Linux runtimes only',
};

function win(id: string, keyword: Keyword, anchor: string, since: string, summary: string, check: CheckedBy): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'config-windows.md', anchor, since, summary, check, platforms: ['windows'] };
}

/** Requirements of runtime-spec config-windows.md. */
export const CONFIG_WINDOWS: readonly Requirement[] = [
  win('WIN-LAYERFOLDERS-REQUIRED', 'REQUIRED', 'layerfolders', '1.0.0', 'windows.layerFolders is present: the layer folders of the image, topmost first.', { by: 'static' }),
  win('WIN-LAYERFOLDERS-NOT-EMPTY', 'MUST', 'layerfolders', '1.0.0', 'windows.layerFolders has at least one entry.', { by: 'static' }),
  win('WIN-DEVICES-AVAILABLE', 'MUST', 'devices', '1.0.2', 'The devices listed in windows.devices are available inside the container.', NEEDS_WINDOWS),
  win('WIN-DEVICE-ID-REQUIRED', 'REQUIRED', 'devices', '1.0.2', 'Every windows.devices entry has an id string.', { by: 'static' }),
  win('WIN-DEVICE-MADE-AVAILABLE', 'MUST', 'devices', '1.0.2', 'The runtime makes the device named by a windows.devices id available in the container.', NEEDS_WINDOWS),
  win('WIN-DEVICE-IDTYPE-REQUIRED', 'REQUIRED', 'devices', '1.0.2', 'Every windows.devices entry has an idType string saying how to read its id.', { by: 'static' }),
  win('WIN-CPU-AFFINITY-MASK-REQUIRED', 'REQUIRED', 'cpu', '1.2.1', 'Every windows.resources.cpu.affinity entry has a uint64 mask.', { by: 'static' }),
  win('WIN-CPU-AFFINITY-GROUP-REQUIRED', 'REQUIRED', 'cpu', '1.2.1', 'Every windows.resources.cpu.affinity entry has a uint32 processor group.', { by: 'static' }),
  win('WIN-HYPERV-ISOLATION', 'MUST', 'hyperv', '1.0.0', 'With windows.hyperv present the container runs with Hyper-V isolation.', NEEDS_WINDOWS),
  win('WIN-NO-HYPERV-SERVER-CONTAINER', 'MUST', 'hyperv', '1.0.0', 'Without windows.hyperv the container runs as a Windows Server container.', NEEDS_WINDOWS),
];
