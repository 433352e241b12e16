import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Book } from '../../core';
import type { BookWorkerHandle } from './book-worker-client';
import { serveBookWorker, type BookWorkerScope, type WorkerOperations } from './book-worker-service';

/**
 * For unit tests: the book worker's own code (serveBookWorker) behind a real MessageChannel, so every request and
 * reply is structured-cloned as between a page and its worker (a Blob crosses, a class instance would not).
 * `spawned` lists the handles, to check each was terminated.
 */
export function inProcessWorker(open: () => Promise<Book>, operations?: WorkerOperations): { spawn: () => BookWorkerHandle; spawned: { terminated: boolean }[] } {
  const spawned: { terminated: boolean }[] = [];
  const spawn = (): BookWorkerHandle => {
    const { port1, port2 } = new MessageChannel();
    serveBookWorker(scopeOf(port1), open, operations);
    const handle = {
      terminated: false,
      postMessage: (message: unknown) => port2.postMessage(message),
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'message') port2.on('message', (data: unknown) => listener({ data } as never));
      },
      terminate: () => {
        handle.terminated = true;
        port1.close();
        port2.close();
      },
    };
    spawned.push(handle);
    return handle as unknown as BookWorkerHandle;
  };
  return { spawn, spawned };
}

function scopeOf(port: MessagePort): BookWorkerScope {
  return {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
  };
}
