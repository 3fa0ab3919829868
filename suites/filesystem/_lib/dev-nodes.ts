/**
 * The /dev cases that differ only in the file: a default device (a
 * character device of a given major:minor that works when used) and a
 * /dev symlink (fd, stdin, stdout, stderr) with its /proc/self target.
 */
import { type CaseDefinition, defineCase, type InsideResult, insideScript } from '../../case.js';

export interface DeviceRow {
  /** The name under /dev and its major:minor as stat prints them (hex). */
  readonly name: string;
  readonly majorMinor: string;
  /** A shell command that uses the device, and what it prints when the device works. */
  readonly use: string;
  readonly works: string;
}

/** filesystem.default-devices.<name>: /dev/<name> is the character device `majorMinor`, and `use` prints `works`. */
export function defaultDeviceCase(row: DeviceRow): CaseDefinition {
  const { name, majorMinor, use, works } = row;
  const dev = `/dev/${name}`;
  return defineCase({
    id: `filesystem.default-devices.${name}`,
    title: `${dev} is the ${majorMinor} character device and works`,
    requirements: ['LNX-DEFAULT-DEVICES'],
    config: (c) => c.withScript(insideScript({ node: `stat -c '%F %t:%T' ${dev}`, use })),
    run: async (ctx) => {
      const r = await ctx.inside<InsideResult<'node' | 'use'>>();
      ctx.expectEqual('LNX-DEFAULT-DEVICES', `type and major:minor (hex) of ${dev}`, `character special file ${majorMinor}`, r.node);
      ctx.expectEqual('LNX-DEFAULT-DEVICES', `using ${dev}`, works, r.use.trim());
    },
  });
}

/** filesystem.dev-symlinks.<name>: readlink /dev/<name> prints `target`. */
export function devSymlinkCase(name: string, target: string): CaseDefinition {
  return defineCase({
    id: `filesystem.dev-symlinks.${name}`,
    title: `/dev/${name} links to ${target}`,
    requirements: ['RTL-DEV-SYMLINKS'],
    config: (c) => c.withScript(`readlink /dev/${name}`),
    run: async (ctx) => {
      const { stdout } = await ctx.runToExit();
      ctx.expectEqual('RTL-DEV-SYMLINKS', `readlink /dev/${name}`, `${target}\n`, stdout);
    },
  });
}
