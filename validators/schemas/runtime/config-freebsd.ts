/** The `freebsd` object of config.json, from runtime-spec config-freebsd.md (1.3.0 and later). */
import type { Schema } from '../dsl.js';
import { arr, bool, enumOf, int, obj, req, str } from '../dsl.js';
import { since } from './since.js';

const sharing = (): Schema => enumOf(['new', 'inherit', 'disable']);
const sharingNoDisable = (): Schema => enumOf(['new', 'inherit']);

function jail(): Schema {
  return obj({
    parent: str(),
    host: sharingNoDisable(),
    ip4: sharing(),
    ip4Addr: arr(str()),
    ip6: sharing(),
    ip6Addr: arr(str()),
    vnet: sharingNoDisable(),
    interface: str(),
    vnetInterfaces: arr(str()),
    sysvmsg: sharing(),
    sysvsem: sharing(),
    sysvshm: sharing(),
    enforceStatfs: int('uint8', { maximum: 2 }),
    allow: obj({
      setHostname: bool(),
      rawSockets: bool(),
      chflags: bool(),
      mount: arr(str()),
      quotas: bool(),
      socketAf: bool(),
      mlock: bool(),
      reservedPorts: bool(),
      suser: bool(),
    }),
  });
}

export function freebsdSchema(version: string): Schema | undefined {
  return since(
    '1.3.0',
    version,
    obj({
      devices: arr(obj({ path: req('BSD-DEVICE-PATH-REQUIRED', str()), mode: int('uint32') }, { required: ['path'] })),
      jail: jail(),
    }),
  );
}
