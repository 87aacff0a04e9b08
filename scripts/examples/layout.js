/**
 * A small layout helper for the example workbooks (scripts/make-examples.js): it places labelled
 * items (column A English, B 中文, C value, D source), section titles and tables on a sheet, and
 * resolves formulas written as functions of the final addresses, so no model hand-types a cell
 * address.
 *
 *   const s = new SheetLayout({ name: 'Claims 理赔', widths: [40, 30, 18, 30] });
 *   s.item('limit', 'Limit', '限额', 1000000, 'amount', 'SAMSUNG 第二十四条');
 *   s.item('paid', 'Paid', '赔付', (r) => `=MIN(${r.c('limit')},500)`, 'amount');
 *   const grid = s.grid();   // Map "row,col" → { value, fmt, style, spill }
 *
 * A value is a number, a boolean, text, { date: [y, m, d] }, formula text starting with "=", or a
 * function (resolver) → formula text. The resolver knows:
 *   r.c(key)                      the value cell of an item ("C12")
 *   r.range(tableKey, name)       a named column span of a table, header row included ("A20:E31")
 *   r.col(tableKey, col)          one column of a table's data rows ("D21:D35")
 *   r.cell(tableKey, rowKey, col) one data cell of a table ("C27")
 *   r.row(tableKey, rowKey)       the row number of a table's data row (27)
 * Columns of a table are 0-based offsets from its first column.
 */
const { columnLetters } = require('./cells');

class SheetLayout {
  /**
   * @param {{ name: string, widths: number[], frozenRows?: number }} options
   */
  constructor(options) {
    this.name = options.name;
    this.widths = options.widths;
    this.frozenRows = options.frozenRows ?? 0;
    this.cells = new Map();
    this.row = 1; // next free row of the flowing (left) part
    this.items = new Map(); // key → { row, col }
    this.tables = new Map(); // key → { top, left, rows, rowKeys, ranges }
  }

  put(row, col, value, extra = {}) {
    const key = `${row},${col}`;
    if (this.cells.has(key)) throw new Error(`${this.name}: cell ${columnLetters(col)}${row} is written twice`);
    if (value === null || value === undefined || value === '') return;
    this.cells.set(key, { value, ...extra });
  }

  /** The sheet's title (row 1, large) or a line under it. */
  title(text) {
    const row = this.row++;
    this.put(row, 1, text, { style: row === 1 ? 'title' : 'note' });
  }

  note(text) {
    this.put(this.row++, 1, text, { style: 'note' });
  }

  blank(n = 1) {
    this.row += n;
  }

  section(text) {
    this.put(this.row++, 1, text, { style: 'section' });
  }

  header(labels, col = 1) {
    labels.forEach((h, k) => this.put(this.row, col + k, h, { style: 'header' }));
    this.row++;
  }

  /** An item row: A English, B 中文, C the value or formula, D the source. */
  item(key, en, zh, value, fmt, note, extra = {}) {
    const row = this.row++;
    if (key) {
      if (this.items.has(key)) throw new Error(`${this.name}: item ${key} is defined twice`);
      this.items.set(key, { row, col: 3 });
    }
    this.put(row, 1, en);
    this.put(row, 2, zh);
    this.put(row, 3, value, { fmt, style: extra.style, spill: extra.spill });
    if (note) this.put(row, extra.noteCol ?? 4, note, { style: 'note' });
    return row;
  }

  /**
   * A table: a header row, then one row per entry of `rows` (arrays of cell values, or objects
   * { key, cells }). Placed at `at` ({ row, col }), else at the next free row in column A (the
   * flow then continues below it). `ranges` names column spans ({ claims: [0, 2] }) for
   * r.range; `fmts` gives a format per column; `styles` a style per column.
   */
  table(key, { header, rows, fmts = [], styles = [], ranges = {}, at, spill }) {
    const top = at ? at.row : this.row;
    const left = at ? at.col : 1;
    header.forEach((h, k) => this.put(top, left + k, h, { style: 'header' }));
    const rowKeys = [];
    rows.forEach((entry, i) => {
      const cells = Array.isArray(entry) ? entry : entry.cells;
      rowKeys.push(Array.isArray(entry) ? undefined : entry.key);
      cells.forEach((v, k) => this.put(top + 1 + i, left + k, v, { fmt: fmts[k], style: styles[k] }));
    });
    this.tables.set(key, { top, left, rows: rows.length, rowKeys, ranges });
    if (spill) {
      // A formula in the header row whose array fills the column below it (e.g. CYBER.ALLOCATE).
      const { col, value, fmt, rows: height = rows.length + 1, cols = 1 } = spill;
      this.cells.delete(`${top},${left + col}`);
      this.put(top, left + col, value, { fmt, spill: { rows: height, cols } });
    }
    if (!at) this.row = top + 1 + rows.length;
    return top;
  }

  resolver() {
    const { name: sheet, items, tables } = this;
    const tableOf = (key) => {
      const t = tables.get(key);
      if (!t) throw new Error(`${sheet}: unknown table ${key}`);
      return t;
    };
    return {
      c(key) {
        const it = items.get(key);
        if (!it) throw new Error(`${sheet}: unknown item {${key}}`);
        return `${columnLetters(it.col)}${it.row}`;
      },
      range(key, name) {
        const t = tableOf(key);
        const span = t.ranges[name];
        if (!span) throw new Error(`${sheet}: table ${key} has no range ${name}`);
        return `${columnLetters(t.left + span[0])}${t.top}:${columnLetters(t.left + span[1])}${t.top + t.rows}`;
      },
      col(key, col) {
        const t = tableOf(key);
        const letters = columnLetters(t.left + col);
        return `${letters}${t.top + 1}:${letters}${t.top + t.rows}`;
      },
      cell(key, rowKey, col) {
        const t = tableOf(key);
        const i = t.rowKeys.indexOf(rowKey);
        if (i < 0) throw new Error(`${sheet}: table ${key} has no row ${rowKey}`);
        return `${columnLetters(t.left + col)}${t.top + 1 + i}`;
      },
      row(key, rowKey) {
        const t = tableOf(key);
        const i = t.rowKeys.indexOf(rowKey);
        if (i < 0) throw new Error(`${sheet}: table ${key} has no row ${rowKey}`);
        return t.top + 1 + i;
      },
    };
  }

  /** The finished sheet: every formula function resolved to formula text. */
  grid() {
    const r = this.resolver();
    const out = new Map();
    for (const [key, cell] of this.cells) {
      let value = cell.value;
      if (typeof value === 'function') {
        value = value(r);
        if (typeof value !== 'string' || !value.startsWith('=')) throw new Error(`${this.name}: a formula function must return text starting with =, got ${value}`);
      }
      out.set(key, { ...cell, value });
    }
    return out;
  }
}

module.exports = { SheetLayout };
