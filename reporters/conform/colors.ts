/** ANSI colours, only on a TTY and never with NO_COLOR set (https://no-color.org). */
export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string): string => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string): string => s;

export function paint(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): Paint {
  const on = isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '');
  return on
    ? { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) }
    : { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
}
