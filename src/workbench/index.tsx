/**
 * Entry of the workbench bundle (index.html). The page is not inside Office: office.js is not
 * loaded here (nothing is fetched beyond this server), so the Office gateway reports
 * `inOffice: false` at once, as it does in a plain browser with office.js (TOOLING-FACTS.md), and
 * the page uses the workbench gateway. It opens the bundled CPIC example unless the URL has
 * `?blank`.
 */
import { createRoot } from 'react-dom/client';
import { usePhiloxWasm } from '../engine';
import { createOfficeGateway } from '../taskpane/officeGateway';
import { loadExcelJS } from './excel';
import { WorkbenchModel } from './model';
import { type LoadedWorkbook, WorkbenchPage } from './WorkbenchPage';
import { openXlsx } from './xlsx';

const EXAMPLE = 'examples/cpic-network-interruption.xlsx';

async function firstWorkbook(): Promise<LoadedWorkbook> {
  if (!new URLSearchParams(window.location.search).has('blank')) {
    try {
      const response = await fetch(EXAMPLE);
      if (response.ok) {
        const model = await openXlsx(new Uint8Array(await response.arrayBuffer()), await loadExcelJS());
        return { model, fileName: 'cpic-network-interruption.xlsx' };
      }
    } catch {
      // fall through to a blank workbook
    }
  }
  return { model: WorkbenchModel.blank(), fileName: 'Book1.xlsx' };
}

async function start(container: HTMLElement): Promise<void> {
  const host = await createOfficeGateway().ready();
  const initial = await firstWorkbook();
  createRoot(container).render(<WorkbenchPage initial={initial} host={host} />);
}

// The page's policy allows compiling WebAssembly ('wasm-unsafe-eval', scripts/csp.js): SIMULATE
// cells compute their Philox blocks in the module of src/stochastic/philoxWasm.ts (philox.wat) (the
// same values as in JavaScript, which a webview refusing the compile runs). The attribute says
// which blocks this page's cells use, for the browser test (test/e2e/philoxWasm.e2e.test.ts).
document.documentElement.dataset.philoxWasm = String(usePhiloxWasm(true));

const container = document.getElementById('root');
if (container) void start(container);
