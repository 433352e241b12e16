import { browser } from 'wxt/browser';
import type { BookRequest, BookResponses, Reply } from './protocol';
import { askBackground, unwrapReply } from './client';

/**
 * The book page's direct line to the service worker: a MessageChannel whose far end the page hands to the worker
 * (`registration.active.postMessage`). Messages on it go from the page's process to the worker's (the same one for
 * an extension) without the browser process, which carries `runtime.sendMessage`: there, on a busy 2-core machine,
 * a table window waited 25–85 ms each way behind everything else the browser was doing, and was JSON-encoded
 * twice on the way. Here it is structured-cloned once.
 *
 * Only reads travel on it (CHANNEL_REQUESTS): a port to a stopped worker loses its messages without a word, so
 * what was waiting when the worker stopped is asked again through `runtime.sendMessage`, which wakes it. The page
 * learns the worker stopped from a runtime port held beside the channel (its lifeline), which the browser
 * disconnects then.
 */

/** The first message on a new channel (its port travels with it), and the name of the lifeline port. */
export const CHANNEL_HELLO = 'clientela:channel';

/** What may be asked on the channel: reads, so one lost with a stopped worker is simply asked again. */
export const CHANNEL_REQUESTS: ReadonlySet<string> = new Set<BookRequest['type']>(['table/query', 'table/ids', 'table/facets', 'book/summary', 'customers/search', 'today/list', 'cleanup/list', 'goals/list', 'dashboard/figures']);

interface ChannelAsk {
  id: number;
  request: BookRequest;
}

interface ChannelAnswer {
  id: number;
  reply: Reply<unknown>;
}

/** A runtime port as far as the channel needs it: it only listens for the disconnect. */
export interface Lifeline {
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** The service worker as far as the channel needs it: where the hello and its port go. */
export interface ChannelWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface WorkerChannelDeps {
  /** The service worker to hand a port to; null where the background is not one (Firefox's background page). */
  worker: () => Promise<ChannelWorker | null>;
  /** Opens the lifeline (a runtime port the browser disconnects when the worker stops). */
  lifeline: () => Lifeline;
  /** The ordinary way: `runtime.sendMessage` (what is not a read, where there is no worker, what a stop lost). */
  fallback: <R extends BookRequest>(request: R) => Promise<BookResponses[R['type']]>;
}

interface Waiting {
  request: BookRequest;
  resolve: (data: unknown) => void;
  reject: (error: unknown) => void;
}

interface Link {
  port: MessagePort;
  lifeline: Lifeline;
  waiting: Map<number, Waiting>;
  broken: boolean;
}

export class WorkerChannel {
  private link: Promise<Link | null> | null = null;
  private nextId = 0;

  constructor(private readonly deps: WorkerChannelDeps) {}

  async ask<R extends BookRequest>(request: R): Promise<BookResponses[R['type']]> {
    if (!CHANNEL_REQUESTS.has(request.type)) return this.deps.fallback(request);
    this.link ??= this.open();
    const link = await this.link;
    // No worker to talk to, or the worker stopped while this waited for the link: the ordinary way.
    if (link === null || link.broken) return this.deps.fallback(request);
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      link.waiting.set(id, { request, resolve: resolve as (data: unknown) => void, reject });
      link.port.postMessage({ id, request } satisfies ChannelAsk);
    });
  }

  private async open(): Promise<Link | null> {
    const worker = await this.deps.worker().catch(() => null);
    if (worker === null) return null;
    const { port1, port2 } = new MessageChannel();
    const link: Link = { port: port1, lifeline: this.deps.lifeline(), waiting: new Map(), broken: false };
    port1.onmessage = (event: MessageEvent<ChannelAnswer>) => {
      const waiting = link.waiting.get(event.data.id);
      if (!waiting) return;
      link.waiting.delete(event.data.id);
      try {
        waiting.resolve(unwrapReply(event.data.reply));
      } catch (error) {
        waiting.reject(error);
      }
    };
    link.lifeline.onDisconnect.addListener(() => this.break(link));
    worker.postMessage({ type: CHANNEL_HELLO }, [port2]);
    return link;
  }

  /** The worker stopped: the next ask opens a new channel, and what was waiting is asked the ordinary way. */
  private break(link: Link): void {
    if (link.broken) return;
    link.broken = true;
    if (this.link !== null) void this.link.then((current) => current === link && (this.link = null));
    link.port.close();
    link.lifeline.disconnect();
    for (const { request, resolve, reject } of link.waiting.values()) this.deps.fallback(request).then(resolve, reject);
    link.waiting.clear();
  }
}

/**
 * The worker's end of a channel: answers each read with `answer` (the same handlers and validation as
 * `runtime.onMessage`), and refuses anything else.
 */
export function serveChannel(port: MessagePort, answer: (request: unknown) => Promise<Reply<unknown>>): void {
  port.onmessage = (event: MessageEvent<Partial<ChannelAsk> | null>) => {
    const id = event.data?.id;
    if (typeof id !== 'number') return;
    const type = (event.data?.request as { type?: unknown } | undefined)?.type;
    const reply = typeof type === 'string' && CHANNEL_REQUESTS.has(type) ? answer(event.data?.request) : Promise.resolve<Reply<unknown>>({ ok: false, error: `Not asked on this channel: ${String(type)}` });
    void reply
      .catch((error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }))
      .then((settled) => {
        try {
          port.postMessage({ id, reply: settled } satisfies ChannelAnswer);
        } catch (error) {
          port.postMessage({ id, reply: { ok: false, error: `The answer could not be sent: ${error instanceof Error ? error.message : String(error)}` } } satisfies ChannelAnswer);
        }
      });
  };
}

/**
 * The channel of an extension page in this browser: on Chrome, to the background's service worker; on Firefox
 * (a background page, no worker) every request takes `runtime.sendMessage`.
 */
export function browserWorkerChannel(): WorkerChannel {
  return new WorkerChannel({
    worker: async () => {
      const manifest = browser.runtime.getManifest() as { background?: { service_worker?: string } };
      if (!manifest.background?.service_worker || !('serviceWorker' in navigator)) return null;
      return (await navigator.serviceWorker.ready).active;
    },
    lifeline: () => browser.runtime.connect({ name: CHANNEL_HELLO }),
    fallback: askBackground,
  });
}

/** Whether `data` is a page's hello: the port that came with it is a new channel to serve. */
export function isChannelHello(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === CHANNEL_HELLO;
}
