import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BookRequest, Reply } from './protocol';
import { CHANNEL_HELLO, serveChannel, WorkerChannel, type Lifeline } from './worker-channel';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A lifeline the test breaks, as the browser does when the worker stops. */
function lifeline(): Lifeline & { drop: () => void; disconnected: boolean } {
  const listeners: (() => void)[] = [];
  const line = {
    disconnected: false,
    onDisconnect: { addListener: (listener: () => void) => void listeners.push(listener) },
    disconnect: () => void (line.disconnected = true),
    drop: () => listeners.forEach((listener) => listener()),
  };
  return line;
}

/** A stand-in worker that serves every channel handed to it with `answer`, and remembers the hellos. */
function worker(answer: (request: unknown) => Promise<Reply<unknown>>) {
  const hellos: unknown[] = [];
  return {
    hellos,
    postMessage(message: unknown, transfer: Transferable[]) {
      hellos.push(message);
      const port = transfer[0] as MessagePort;
      ports.push(port);
      serveChannel(port, answer);
    },
  };
}

const query = (offset: number): BookRequest => ({ type: 'table/query', offset, limit: 200 }) as BookRequest;
const noRuntime = () => Promise.reject(new Error('runtime messaging was used'));

describe('the book page’s channel to the service worker', () => {
  it('asks reads on the channel and matches each answer to its question, in whatever order they come back', async () => {
    const served = worker(async (request) => {
      const { offset } = request as { offset: number };
      // The first question is answered last.
      await new Promise((done) => setTimeout(done, offset === 0 ? 30 : 1));
      return { ok: true, data: { offset } };
    });
    const lines: ReturnType<typeof lifeline>[] = [];
    const channel = new WorkerChannel({ worker: async () => served, lifeline: () => (lines.push(lifeline()), lines.at(-1)!), fallback: noRuntime });
    const answers = await Promise.all([channel.ask(query(0)), channel.ask(query(200)), channel.ask(query(400))]);
    expect(answers).toEqual([{ offset: 0 }, { offset: 200 }, { offset: 400 }]);
    // One channel for all of them, opened with one hello and one lifeline.
    expect(served.hellos).toEqual([{ type: CHANNEL_HELLO }]);
    expect(lines).toHaveLength(1);
  });

  it('sends what is not a read by runtime message, and opens no channel for it', async () => {
    const served = worker(async () => ({ ok: true, data: 'channel' }));
    const fallback = vi.fn(async () => 'runtime');
    const channel = new WorkerChannel({ worker: async () => served, lifeline, fallback: fallback as never });
    await expect(channel.ask({ type: 'backup/run' } as BookRequest)).resolves.toBe('runtime');
    expect(fallback).toHaveBeenCalledWith({ type: 'backup/run' });
    expect(served.hellos).toEqual([]);
  });

  it('throws a refusal in the worker’s own words', async () => {
    const channel = new WorkerChannel({ worker: async () => worker(async () => ({ ok: false, error: 'Malformed request: limit: Too big' })), lifeline, fallback: noRuntime });
    await expect(channel.ask(query(0))).rejects.toThrow('Malformed request: limit: Too big');
  });

  it('asks again by runtime message what a stopped worker lost, and opens a new channel for the next question', async () => {
    let stopped = true;
    // A stopped worker never answers what was posted to it.
    const served = worker((request) => (stopped ? new Promise(() => undefined) : Promise.resolve({ ok: true, data: { from: 'channel', request } })));
    const lines: ReturnType<typeof lifeline>[] = [];
    const fallback = vi.fn(async (request: BookRequest) => ({ from: 'runtime', request }));
    const channel = new WorkerChannel({ worker: async () => served, lifeline: () => (lines.push(lifeline()), lines.at(-1)!), fallback: fallback as never });
    const lost = channel.ask(query(0));
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    await new Promise((done) => setTimeout(done, 10));
    lines[0]!.drop();
    await expect(lost).resolves.toEqual({ from: 'runtime', request: query(0) });
    expect(lines[0]!.disconnected).toBe(true);
    stopped = false;
    await expect(channel.ask(query(200))).resolves.toEqual({ from: 'channel', request: query(200) });
    expect(served.hellos).toHaveLength(2);
    expect(fallback).toHaveBeenCalledTimes(1);
  });

  it('where the background is no service worker (Firefox), asks everything by runtime message', async () => {
    const fallback = vi.fn(async () => 'runtime');
    const opened = vi.fn(lifeline);
    const channel = new WorkerChannel({ worker: async () => null, lifeline: opened, fallback: fallback as never });
    await expect(channel.ask(query(0))).resolves.toBe('runtime');
    await expect(channel.ask(query(200))).resolves.toBe('runtime');
    expect(fallback).toHaveBeenCalledTimes(2);
    expect(opened).not.toHaveBeenCalled();
  });
});

describe('the worker’s end of a channel', () => {
  /** Posts `message` on a served channel and returns the one answer. */
  async function askRaw(answer: (request: unknown) => Promise<Reply<unknown>>, message: unknown): Promise<unknown> {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serveChannel(port2, answer);
    const reply = new Promise((done) => (port1.onmessage = (event) => done(event.data)));
    port1.postMessage(message);
    return reply;
  }

  it('refuses what is not a read without asking the handlers', async () => {
    const answer = vi.fn(async () => ({ ok: true as const, data: 'done' }));
    await expect(askRaw(answer, { id: 7, request: { type: 'collectors/add', url: 'https://example.com' } })).resolves.toEqual({ id: 7, reply: { ok: false, error: 'Not asked on this channel: collectors/add' } });
    expect(answer).not.toHaveBeenCalled();
  });

  it('answers a handler that threw with its words, not silence', async () => {
    await expect(askRaw(async () => Promise.reject(new Error('The book is closed')), { id: 3, request: { type: 'book/summary' } })).resolves.toEqual({ id: 3, reply: { ok: false, error: 'The book is closed' } });
  });

  it('says so when an answer cannot be cloned, instead of leaving the page waiting', async () => {
    const reply = (await askRaw(async () => ({ ok: true, data: { run: () => undefined } }), { id: 4, request: { type: 'book/summary' } })) as { id: number; reply: Reply<unknown> };
    expect(reply.id).toBe(4);
    expect(reply.reply.ok).toBe(false);
  });
});
