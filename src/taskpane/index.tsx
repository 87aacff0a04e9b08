/**
 * Entry of the task pane bundle, loaded by the shared-runtime page taskpane.html. Inside Excel
 * the pane works on the workbook through the Excel gateway; anywhere else (office.js in a plain
 * browser) it shows the function reference only. The standalone workbench mounts <App> itself
 * with its own gateway.
 */
import { createRoot } from 'react-dom/client';
import { usePhiloxWasm } from '../engine';
import { App, ReferencePane } from './App';
import { createExcelGateway } from './excelGateway';
import { createOfficeGateway } from './officeGateway';

// The pane's own SIMULATE evaluations (explain view, year explorer) compute their Philox blocks
// in WebAssembly: the page's policy allows the compile ('wasm-unsafe-eval', scripts/csp.js).
usePhiloxWasm(true);

const office = createOfficeGateway();
const container = document.getElementById('root');

if (container) {
  // Render only once Office has initialised the page: displayLanguage is read on first render.
  void office.ready().then((host) => {
    const root = createRoot(container);
    if (host.inOffice && host.host === 'Excel') root.render(<App gateway={createExcelGateway({ office })} host={host} />);
    else root.render(<ReferencePane gateway={office} />);
  });
}
