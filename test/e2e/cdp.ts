/**
 * A small Chrome DevTools Protocol client for the HTML report's tests: Debian's headless chromium driven over
 * `--remote-debugging-pipe` (JSON messages ending in NUL on fds 3 and 4), so no WebSocket library is needed on
 * Node 20. It records what the page logs as an error: console.error, uncaught exceptions, and browser log entries
 * of level error (a CSP violation, a resource that failed to load).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = 'chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? `no ${CHROMIUM} on PATH (apt-get install chromium; .ci/run installs it)` : undefined;
}

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
  readonly sessionId?: string;
}

export class Browser {
  private readonly proc: ChildProcess;
  private readonly profile: string;
  private readonly out: Writable;
  private next = 1;
  private readonly pending = new Map<number, { ok: (r: Record<string, unknown>) => void; fail: (e: Error) => void }>();
  private readonly waiters: { method: string; ok: (p: Record<string, unknown>) => void }[] = [];
  private buf = '';
  private session = '';
  /** What the page reported as an error, one line each. */
  readonly errors: string[] = [];

  constructor() {
    this.profile = mkdtempSync(join(tmpdir(), 'oci-conform-chromium-'));
    // --no-sandbox: the tests run as root, where chromium's sandbox refuses to start.
    this.proc = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${this.profile}`, '--remote-debugging-pipe', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.proc.stderr!.resume();
    this.out = this.proc.stdio[3] as Writable;
    (this.proc.stdio[4] as Readable).on('data', (d: Buffer) => this.receive(d.toString('utf8')));
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) p.fail(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  private receive(s: string): void {
    this.buf += s;
    let i;
    while ((i = this.buf.indexOf('\0')) >= 0) {
      const m = JSON.parse(this.buf.slice(0, i)) as Message;
      this.buf = this.buf.slice(i + 1);
      if (m.id !== undefined) {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p?.fail(new Error(m.error.message));
        else p?.ok(m.result ?? {});
      } else if (m.method) this.event(m.method, m.params ?? {});
    }
  }

  private event(method: string, params: Record<string, unknown>): void {
    if (method === 'Runtime.consoleAPICalled' && params.type === 'error') this.errors.push(`console.error: ${JSON.stringify(params.args)}`);
    if (method === 'Runtime.exceptionThrown') this.errors.push(`exception: ${JSON.stringify(params.exceptionDetails)}`);
    if (method === 'Log.entryAdded') {
      const e = params.entry as { level: string; text: string };
      if (e.level === 'error') this.errors.push(`log: ${e.text}`);
    }
    for (const [i, w] of this.waiters.entries()) {
      if (w.method === method) {
        this.waiters.splice(i, 1);
        w.ok(params);
        break;
      }
    }
  }

  /** Sends a command (to the page once `open` attached to one). */
  send(method: string, params: Record<string, unknown> = {}, toBrowser = false): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      this.out.write(`${JSON.stringify({ id, method, params, ...(this.session && !toBrowser ? { sessionId: this.session } : {}) })}\0`);
    });
  }

  private once(method: string): Promise<Record<string, unknown>> {
    return new Promise((ok) => this.waiters.push({ method, ok }));
  }

  /** Opens a page, listens to its console and log, loads the URL and waits for its load event. */
  async open(url: string): Promise<void> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' }, true);
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true }, true);
    this.session = sessionId as string;
    await this.send('Runtime.enable');
    await this.send('Log.enable');
    await this.send('Page.enable');
    await this.send('Emulation.setDeviceMetricsOverride', { width: 1300, height: 1800, deviceScaleFactor: 1, mobile: false });
    const loaded = this.once('Page.loadEventFired');
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** The value of a JavaScript expression in the page (JSON-serialisable). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`evaluate ${expression}: ${JSON.stringify(r.exceptionDetails)}`);
    return (r.result as { value: T }).value;
  }

  /** Clicks the element's centre with real mouse events, as a person would. */
  async click(selector: string): Promise<void> {
    const box = await this.evaluate<{ x: number; y: number }>(`(() => { const e = document.querySelector(${JSON.stringify(selector)}); e.scrollIntoView(); const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
    for (const type of ['mousePressed', 'mouseReleased']) await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
  }

  /** A PNG of the whole page. */
  async screenshot(): Promise<Buffer> {
    const r = await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
    return Buffer.from(r.data as string, 'base64');
  }

  /** Ends the chromium this object started (by its pid) and removes its profile. */
  async close(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      const exited = new Promise((ok) => this.proc.once('exit', ok));
      void this.send('Browser.close', {}, true).catch(() => undefined);
      // Not an assertion: a browser that does not end on its own is killed (the one we started, by its pid).
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}
