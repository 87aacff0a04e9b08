/**
 * The embedded spreadsheet: toolbar (open, save, new, number format, bold), formula bar, the grid
 * (react-datasheet-grid, MIT: see README "The workbench"), sheet tabs and the sheet's charts.
 * It reads and writes only the {@link WorkbenchModel}; HyperFormula computes behind it.
 */
import { Button, Input, makeStyles, Select, tokens, Tooltip } from '@fluentui/react-components';
import { type KeyboardEvent, useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type Column, createTextColumn, DataSheetGrid, type DataSheetGridProps, type DataSheetGridRef, keyColumn } from 'react-datasheet-grid';
import { columnLetters } from '../sheet/formula';
import { qualified } from './address';
import { displayText, editText, NUMBER_FORMATS, parseTyped } from './cellText';
import { SheetCharts } from './SheetCharts';
import type { WorkbenchModel } from './model';

/** One grid cell: the text the editor starts from, the text shown, and its CSS classes. */
interface GridCell {
  readonly input: string;
  readonly display: string;
  readonly className?: string;
}
type GridRow = Record<string, GridCell | null>;

const MIN_ROWS = 60;
const MIN_COLS = 16;
const ROW_HEIGHT = 26;
/** Excel's width unit (a character) in pixels, roughly. */
const PX_PER_CHAR = 7.5;

type OnChange = NonNullable<DataSheetGridProps<GridRow>['onChange']>;
type OnActiveCellChange = NonNullable<DataSheetGridProps<GridRow>['onActiveCellChange']>;

const cellColumn = createTextColumn<GridCell | null>({
  // Write once the edit ends (Enter, Tab, click away), not on every keystroke.
  continuousUpdates: false,
  formatBlurredInput: (c) => c?.display ?? '',
  formatInputOnFocus: (c) => c?.input ?? '',
  parseUserInput: (s) => ({ input: s, display: s }),
  formatForCopy: (c) => c?.input ?? '',
  parsePastedValue: (s) => ({ input: s.replace(/[\r\n]+$/, ''), display: s }),
  deletedValue: null,
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, flexGrow: 1 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  formulaBar: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  address: { width: '14em', flexShrink: 0 },
  formula: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  tabs: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface WorkbenchProps {
  readonly model: WorkbenchModel;
  /** The file name shown and used when saving. */
  readonly fileName: string;
  readonly onOpen: (file: File) => void;
  readonly onSave: () => void;
  readonly onNew: () => void;
  readonly message?: string;
}

function useModelVersion(model: WorkbenchModel): number {
  return useSyncExternalStore(
    useCallback((listener) => model.subscribe(listener), [model]),
    () => model.version,
  );
}

function useSelection(model: WorkbenchModel) {
  const subscribe = useCallback((listener: () => void) => model.onSelectionChanged(listener), [model]);
  return useSyncExternalStore(subscribe, () => model.selection);
}

function fillClass(fill: string): string {
  return `wb-fill-${fill.slice(1).toUpperCase()}`;
}

/**
 * One CSS rule per cell fill colour of the sheet. The page's Content-Security-Policy refuses
 * inline style text (scripts/csp.js), so the rules go through the CSSOM into an empty <style>
 * element, as Fluent UI's own styles do. Only #RRGGBB colours become rules: a fill read from a
 * file is data, never CSS.
 */
function useFillRules(fills: readonly string[]): void {
  useLayoutEffect(() => {
    const element = document.createElement('style');
    document.head.appendChild(element);
    const sheet = element.sheet;
    for (const fill of fills) if (sheet && /^#[0-9A-F]{6}$/i.test(fill)) sheet.insertRule(`.${fillClass(fill)}{background:${fill}}`, sheet.cssRules.length);
    return () => element.remove();
  }, [fills]);
}

export function Workbench({ model, fileName, onOpen, onSave, onNew, message }: WorkbenchProps) {
  const styles = useStyles();
  const version = useModelVersion(model);
  const selection = useSelection(model);
  const sheet = selection?.sheet ?? model.activeSheet;
  const gridRef = useRef<DataSheetGridRef>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const used = useMemo(() => model.usedSize(sheet), [model, sheet, version]);
  const rowCount = Math.max(MIN_ROWS, used.rows + 20);
  const colCount = Math.max(MIN_COLS, used.cols + 4);

  const rows = useMemo<GridRow[]>(() => {
    const out: GridRow[] = [];
    const values = model.getValues(sheet, { row: 0, col: 0 }, { row: rowCount - 1, col: colCount - 1 });
    for (let r = 0; r < rowCount; r++) {
      const row: GridRow = {};
      for (let c = 0; c < colCount; c++) {
        const input = model.getInput(sheet, r, c);
        const value = values[r][c];
        const style = model.getStyle(sheet, r, c);
        if (input === null && value === null && !style.fill) {
          row[columnLetters(c + 1)] = null;
          continue;
        }
        const classes = [
          typeof value === 'number' || typeof value === 'boolean' ? 'wb-num' : '',
          value !== null && typeof value === 'object' ? 'wb-err' : '',
          style.bold ? 'wb-bold' : '',
          style.fill ? fillClass(style.fill) : '',
          input === null && value !== null && model.isSpilled(sheet, r, c) ? 'wb-spill' : '',
        ].filter(Boolean);
        row[columnLetters(c + 1)] = {
          input: editText(input, style.numberFormat),
          display: displayText(value, style.numberFormat),
          className: classes.join(' ') || undefined,
        };
      }
      out.push(row);
    }
    return out;
  }, [model, sheet, version, rowCount, colCount]);

  const widths = model.columnWidths(sheet);
  const columns = useMemo<Array<Partial<Column<GridRow>>>>(
    () =>
      Array.from({ length: colCount }, (_, c) => {
        const letters = columnLetters(c + 1);
        const px = Math.round((widths[letters] ?? 12) * PX_PER_CHAR);
        return {
          ...keyColumn<GridRow, string>(letters, cellColumn),
          id: letters,
          title: letters,
          basis: px,
          grow: 0,
          shrink: 0,
          minWidth: 40,
          cellClassName: ({ rowData }: { rowData: GridRow }) => rowData[letters]?.className,
        };
      }),
    [colCount, widths],
  );

  const fills = useMemo(() => {
    const set = new Set<string>();
    for (const style of model.stylesOf(sheet).values()) if (style.fill) set.add(style.fill.toUpperCase());
    return [...set];
  }, [model, sheet, version]);
  useFillRules(fills);

  const write = useCallback(
    (row: number, col: number, text: string) => {
      const typed = parseTyped(text);
      model.setInput(sheet, row, col, typed.input);
      if (typed.numberFormat && !model.getStyle(sheet, row, col).numberFormat) model.setStyle(sheet, row, col, { numberFormat: typed.numberFormat });
    },
    [model, sheet],
  );

  const onChange = useCallback<OnChange>(
    (next, operations) => {
      for (const op of operations) {
        if (op.type !== 'UPDATE') continue;
        for (let r = op.fromRowIndex; r < op.toRowIndex; r++) {
          for (let c = 0; c < colCount; c++) {
            const letters = columnLetters(c + 1);
            const before = rows[r]?.[letters]?.input ?? '';
            const after = next[r]?.[letters]?.input ?? '';
            if (before !== after) write(r, c, after);
          }
        }
      }
    },
    [rows, colCount, write],
  );

  const onActiveCellChange = useCallback<OnActiveCellChange>(
    ({ cell }) => {
      if (cell) model.select(sheet, cell.row, cell.col);
    },
    [model, sheet],
  );

  // The formula bar edits the selected cell; it shows the input as typed, or the value.
  const selectedInput = selection ? editText(model.getInput(selection.sheet, selection.row, selection.col), model.getStyle(selection.sheet, selection.row, selection.col).numberFormat) : '';
  // A draft belongs to the cell it was typed for: a blur that arrives after the selection moved
  // must not write it into the next cell.
  const cellKey = selection ? `${selection.sheet}!${selection.row},${selection.col}` : '';
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const shown = draft && draft.key === cellKey ? draft.text : selectedInput;
  const commitDraft = () => {
    if (selection && draft && draft.key === cellKey && draft.text !== selectedInput) write(selection.row, selection.col, draft.text);
    setDraft(null);
  };
  const onFormulaKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      commitDraft();
      if (selection) model.select(selection.sheet, Math.min(selection.row + 1, rowCount - 1), selection.col);
      gridRef.current?.setActiveCell(selection ? { col: selection.col, row: Math.min(selection.row + 1, rowCount - 1) } : null);
    } else if (e.key === 'Escape') setDraft(null);
  };

  const selectedStyle = selection ? model.getStyle(selection.sheet, selection.row, selection.col) : {};
  const setFormat = (code: string) => {
    if (selection) model.setStyle(selection.sheet, selection.row, selection.col, { numberFormat: code === 'General' ? undefined : code });
  };
  const toggleBold = () => {
    if (selection) model.setStyle(selection.sheet, selection.row, selection.col, { bold: selectedStyle.bold ? undefined : true });
  };
  // The grid is keyed by sheet, so switching remounts it with no active cell; A1 is selected.
  const switchSheet = (name: string) => model.select(name, 0, 0);
  const addSheet = () => {
    let n = model.sheetNames({ includeHidden: true }).length + 1;
    while (model.hasSheet(`Sheet${n}`)) n++;
    switchSheet(model.addSheet(`Sheet${n}`));
  };

  return (
    <section className={styles.root} aria-label="Workbook">
      <div className={styles.toolbar} role="toolbar" aria-label="Workbook tools">
        <Button onClick={() => fileInput.current?.click()}>Open .xlsx</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="open-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onOpen(file);
            e.target.value = '';
          }}
        />
        <Button appearance="primary" onClick={onSave}>
          Save .xlsx
        </Button>
        <Button onClick={onNew}>New</Button>
        <Tooltip content="Number format of the selected cell" relationship="label">
          <Select aria-label="Number format" value={selectedStyle.numberFormat ?? 'General'} onChange={(_, d) => setFormat(d.value)}>
            {[...NUMBER_FORMATS, ...(selectedStyle.numberFormat && !NUMBER_FORMATS.some((f) => f.code === selectedStyle.numberFormat) ? [{ code: selectedStyle.numberFormat, label: selectedStyle.numberFormat }] : [])].map((f) => (
              <option key={f.code} value={f.code}>
                {f.code === f.label ? f.code : `${f.label}  (${f.code})`}
              </option>
            ))}
          </Select>
        </Tooltip>
        <Button aria-pressed={selectedStyle.bold === true} onClick={toggleBold} style={{ fontWeight: 'bold' }}>
          B
        </Button>
        <span className={styles.status}>{message ?? fileName}</span>
      </div>
      <div className={styles.formulaBar}>
        <Input className={styles.address} aria-label="Cell address" readOnly value={selection ? qualified(selection.sheet, selection) : ''} />
        <Input
          className={styles.formula}
          aria-label="Formula bar"
          value={shown}
          onChange={(_, d) => setDraft({ key: cellKey, text: d.value })}
          onKeyDown={onFormulaKey}
          onBlur={commitDraft}
          contentBefore={<span aria-hidden>ƒx</span>}
        />
      </div>
      <DataSheetGrid<GridRow>
        key={sheet}
        ref={gridRef}
        className="wb-grid"
        value={rows}
        onChange={onChange}
        columns={columns}
        gutterColumn={{ basis: 44, component: ({ rowIndex }) => <span className="wb-rownum">{rowIndex + 1}</span> }}
        lockRows
        disableContextMenu
        rowHeight={ROW_HEIGHT}
        height={Math.min(640, (rowCount + 1) * ROW_HEIGHT)}
        onActiveCellChange={onActiveCellChange}
      />
      <nav className={styles.tabs} aria-label="Sheets">
        {model.sheetNames().map((name) => (
          <Button key={name} size="small" appearance={name === sheet ? 'primary' : 'secondary'} aria-current={name === sheet ? 'page' : undefined} onClick={() => switchSheet(name)}>
            {name}
          </Button>
        ))}
        <Button size="small" appearance="subtle" aria-label="Add sheet" onClick={addSheet}>
          +
        </Button>
      </nav>
      <SheetCharts model={model} sheet={sheet} version={version} />
    </section>
  );
}
