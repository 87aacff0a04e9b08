/**
 * The pane's recharts charts, each loaded on demand: recharts is the largest library of the pane
 * (about a fifth of taskpane.js), and these charts are drawn only after a run (a sweep, a tornado),
 * so they are chunks of their own (chart-*.js), fetched from the pane's own origin the first time
 * one is shown, and taskpane.js stays within its budget (scripts/bench-bundles.js). Render them
 * inside <Suspense>.
 */
import { lazy } from 'react';

export const LazySensitivityChart = lazy(() => import(/* webpackChunkName: "chart-sensitivity" */ './SensitivityChart').then((m) => ({ default: m.SensitivityChart })));

export const LazyTornadoChart = lazy(() => import(/* webpackChunkName: "chart-tornado" */ './TornadoChart').then((m) => ({ default: m.TornadoChart })));
