import type { CheckedBy, Keyword, Requirement } from '../types.js';

const NEEDS_ZOS: CheckedBy = { by: 'untestable', why: 'needs a z/OS host and runtime; oci-conform drives Linux runtimes only' };

function zos(
  id: string,
  keyword: Keyword,
  anchor: string,
  since: string,
  summary: string,
  check: CheckedBy,
  until?: string,
): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'config-zos.md', anchor, since, summary, check, platforms: ['zos'], ...(until ? { until } : {}) };
}

/**
 * Requirements of runtime-spec config-zos.md. 1.1.0 and 1.2.0 described a
 * `zos.devices` list; 1.2.1 replaced it with `zos.namespaces`.
 */
export const CONFIG_ZOS: readonly Requirement[] = [
  // 1.1.0 .. 1.2.0: devices
  zos('ZOS-DEVICES-AVAILABLE', 'MUST', 'devices', '1.1.0', 'The devices listed in zos.devices are available in the container.', NEEDS_ZOS, '1.2.0'),
  zos('ZOS-DEVICE-TYPE-REQUIRED', 'REQUIRED', 'devices', '1.1.0', 'Every zos.devices entry has a type: c, b, u or p.', { by: 'static' }, '1.2.0'),
  zos('ZOS-DEVICE-PATH-REQUIRED', 'REQUIRED', 'devices', '1.1.0', 'Every zos.devices entry has the path of the device inside the container.', { by: 'static' }, '1.2.0'),
  zos('ZOS-DEVICE-PATH-CONFLICT-ERROR', 'MUST', 'devices', '1.1.0', 'The runtime fails with an error when a different file already exists at a device path.', NEEDS_ZOS, '1.2.0'),
  zos('ZOS-DEVICE-MAJOR-MINOR-REQUIRED', 'REQUIRED', 'devices', '1.1.0', 'Every zos.devices entry other than type p has major and minor numbers.', { by: 'static' }, '1.2.0'),
  zos('ZOS-DEVICE-NO-DUPLICATE', 'SHOULD NOT', 'devices', '1.1.0', 'No two zos.devices entries share the same type, major and minor.', { by: 'static' }, '1.2.0'),
  // 1.2.1 ..: filesystems and namespaces
  zos('ZOS-FILESYSTEMS-AVAILABLE', 'SHOULD', 'zos-container-configuration', '1.2.1', 'A proc filesystem is available at /proc in every container.', NEEDS_ZOS),
  zos('ZOS-NAMESPACE-TYPE-REQUIRED', 'REQUIRED', 'namespaces', '1.2.1', 'Every zos.namespaces entry has a type.', { by: 'static' }),
  zos('ZOS-NAMESPACE-TYPES-SUPPORTED', 'SHOULD', 'namespaces', '1.2.1', 'A z/OS runtime supports the pid, mount, ipc and uts namespace types.', NEEDS_ZOS),
  zos('ZOS-NAMESPACE-PATH-ABSOLUTE', 'MUST', 'namespaces', '1.2.1', 'A zos.namespaces path is absolute in the runtime mount namespace.', { by: 'static' }),
  zos('ZOS-NAMESPACE-PATH-JOINED', 'MUST', 'namespaces', '1.2.1', 'The container process is placed in the namespace a zos.namespaces path names.', NEEDS_ZOS),
  zos('ZOS-NAMESPACE-PATH-TYPE-ERROR', 'MUST', 'namespaces', '1.2.1', 'The runtime fails with an error when a namespace path is not a namespace of the entry type.', NEEDS_ZOS),
  zos('ZOS-NAMESPACE-NEW-WITHOUT-PATH', 'MUST', 'namespaces', '1.2.1', 'An entry without path gets a new container namespace of its type.', NEEDS_ZOS),
  zos('ZOS-NAMESPACE-INHERIT-UNLISTED', 'MUST', 'namespaces', '1.2.1', 'A namespace type absent from zos.namespaces is inherited from the runtime.', NEEDS_ZOS),
  zos('ZOS-NAMESPACE-DUPLICATE-ERROR', 'MUST', 'namespaces', '1.2.1', 'The runtime fails with an error when zos.namespaces names a type twice.', { by: 'static' }),
];
