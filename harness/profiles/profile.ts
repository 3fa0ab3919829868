/**
 * Runtime profiles: what differs between OCI runtimes' command lines, as data.
 * Cases never branch on the runtime; the driver reads the profile.
 */
export interface RuntimeProfile {
  /** Profile name, also the --profile value. */
  readonly name: string;
  /** Basenames of binaries this profile is chosen for by default. */
  readonly binaries: readonly string[];
  /** Global flag naming the state directory (so each run keeps its containers apart), if the runtime has one. */
  readonly rootFlag?: string;
  /** Other global arguments, before the subcommand. */
  readonly globalArgs: readonly string[];
  /** `delete --force` is understood. */
  readonly deleteForce: boolean;
  /** `create --console-socket` is understood (process.terminal). */
  readonly consoleSocket: boolean;
  /** `create --pid-file` is understood. */
  readonly pidFile: boolean;
  /** A `features` subcommand may exist (it is still probed). */
  readonly features: boolean;
  /** Signal names are passed without the SIG prefix (`kill id KILL`). */
  readonly signalWithoutPrefix?: boolean;
  /**
   * Drives the runtime in its rootless mode: oci-conform runs as an unprivileged user, and every container
   * gets a user namespace whose root is the caller (harness/rootless.ts). Only such a profile runs without root.
   */
  readonly rootless?: boolean;
  /** The profile a run switches to when it is started by an unprivileged user without --profile. */
  readonly rootlessVariant?: string;
}

export function defineProfile(p: RuntimeProfile): RuntimeProfile {
  return p;
}
