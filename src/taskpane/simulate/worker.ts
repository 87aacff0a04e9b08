/**
 * The simulation worker (a Web Worker): a bundled file of its own, served from the page's origin
 * beside taskpane.js / workbench.js (webpack entry "simulate-worker"), which the pages'
 * Content-Security-Policy allows as worker-src 'self' (scripts/csp.js). It makes no request of
 * its own: it only answers the pane's messages (./serve.ts). The pane cancels a run by
 * terminating it.
 */
import { usePhiloxWasm } from '../../engine';
import type { FromWorker, ToWorker } from './protocol';
import { serve } from './serve';

// Typed by hand: the project's TypeScript lib is the DOM's, not the WebWorker's.
const scope = self as unknown as { onmessage: ((e: { data: ToWorker }) => void) | null; postMessage(message: FromWorker): void; cyberbiPhiloxWasm?: boolean };

// The runs compute their Philox blocks in WebAssembly (src/stochastic/philoxWasm.ts) where the
// worker's policy allows the compile ('wasm-unsafe-eval', scripts/csp.js; the same values in
// JavaScript otherwise). Which one, for the browser test (test/e2e/philoxWasm.e2e.test.ts).
scope.cyberbiPhiloxWasm = usePhiloxWasm(true);

scope.onmessage = (e) => serve(e.data, (m) => scope.postMessage(m));
