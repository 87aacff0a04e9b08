/**
 * Runs simulations for the pane, off the page's thread: a Web Worker built from ./worker.ts into
 * its own file, loaded from the page's origin (no blob:, no eval: the CSP allows worker-src
 * 'self' and nothing else). One request at a time; cancelling terminates the worker at once (a
 * run of a million years never yields to read a message) and the next request starts a fresh one.
 * Where no Worker exists (Jest's DOM) the inline runner serves the same messages on the page's
 * thread, cancelling at the engine's next progress call.
 */
import type { EngineError } from '../../engine';
import type { FromWorker, SimulationAnswer, SimulationRequest, ToWorker } from './protocol';
import { serve } from './serve';

export class SimulationCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SimulationCancelled';
  }
}

/** The run went beyond the engine's limits (events per year, a loss beyond every double). */
export class SimulationTooLarge extends Error {
  constructor(
    readonly kind: string,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'SimulationTooLarge';
  }
}

/** The model is not valid: the engine's error, as the cell would show it. */
export class SimulationInvalid extends Error {
  constructor(readonly error: EngineError) {
    super(error.message.en);
    this.name = 'SimulationInvalid';
  }
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SimulationRunner {
  request(request: SimulationRequest, options?: RequestOptions): Promise<SimulationAnswer>;
  /** Ends the worker (the pane unmounts). */
  dispose(): void;
}

/** What the runner needs of a Worker (a test passes a fake). */
export interface WorkerLike {
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

/** The worker bundle's file name, beside the page's own bundles (webpack entry "simulate-worker"). */
export const WORKER_FILE = 'simulate-worker.js';

declare const __webpack_public_path__: string;

/** Where the worker file is: the directory webpack loaded this bundle from, else the page's. */
export function workerUrl(): string {
  const base = typeof __webpack_public_path__ === 'string' && __webpack_public_path__ !== '' ? new URL(__webpack_public_path__, document.baseURI).href : document.baseURI;
  return new URL(WORKER_FILE, base).href;
}

function settle(
  id: number,
  data: FromWorker,
  options: RequestOptions,
  resolve: (a: SimulationAnswer) => void,
  reject: (e: Error) => void,
): boolean {
  if (data.id !== id) return false;
  if (data.type === 'progress') {
    options.onProgress?.(data.done, data.total);
    return false;
  }
  if (data.type === 'done') resolve(data.answer);
  else if (data.type === 'invalid') reject(new SimulationInvalid(data.error));
  else if (data.type === 'limit') reject(new SimulationTooLarge(data.kind, data.detail));
  else reject(new Error(data.message));
  return true;
}

export function workerRunner(factory: () => WorkerLike): SimulationRunner {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  let current: { cancel: () => void } | undefined;
  const end = () => {
    worker?.terminate();
    worker = undefined;
  };
  return {
    request(request, options = {}) {
      // One at a time: a new request stops the one before it.
      current?.cancel();
      const id = nextId++;
      return new Promise<SimulationAnswer>((resolve, reject) => {
        if (options.signal?.aborted) return reject(new SimulationCancelled());
        const w = (worker ??= factory());
        const finish = () => {
          options.signal?.removeEventListener('abort', onAbort);
          if (current === entry) current = undefined;
        };
        const onAbort = () => {
          end();
          finish();
          reject(new SimulationCancelled());
        };
        const entry = { cancel: onAbort };
        current = entry;
        options.signal?.addEventListener('abort', onAbort);
        w.onmessage = (e) => {
          if (settle(id, e.data, options, resolve, reject)) finish();
        };
        w.onerror = (e) => {
          end();
          finish();
          reject(new Error(e.message || 'the simulation worker could not start'));
        };
        w.postMessage({ id, request });
      });
    },
    dispose() {
      current?.cancel();
      end();
    },
  };
}

/** Serves on the page's thread (no Worker here); yields once before starting so the UI can show the run. */
export function inlineRunner(): SimulationRunner {
  let nextId = 1;
  return {
    request(request, options = {}) {
      const id = nextId++;
      return new Promise<SimulationAnswer>((resolve, reject) => {
        setTimeout(() => {
          const cancelled = () => options.signal?.aborted === true;
          let settled = false;
          serve({ id, request }, (m) => {
            if (settle(id, m, options, resolve, reject)) settled = true;
          }, cancelled);
          if (!settled) reject(new SimulationCancelled());
        }, 0);
      });
    },
    dispose() {},
  };
}

/** The pane's runner: a Web Worker where the page has them. */
export function defaultRunner(): SimulationRunner {
  if (typeof Worker === 'undefined') return inlineRunner();
  return workerRunner(() => new Worker(workerUrl()) as unknown as WorkerLike);
}
