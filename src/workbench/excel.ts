/**
 * ExcelJS in the page: loaded on first open or save (its browser build, chosen by webpack from
 * the package's "browser" field), then kept.
 */
import type { ExcelJS } from './xlsx';

let loading: Promise<ExcelJS> | undefined;

export function loadExcelJS(): Promise<ExcelJS> {
  loading ??= import(/* webpackChunkName: "exceljs" */ 'exceljs').then((m) => ((m as unknown as { default?: ExcelJS }).default ?? m) as ExcelJS);
  return loading;
}
