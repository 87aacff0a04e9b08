/**
 * `cyberbi`: the command-line evaluator (section 8 of the function catalogue, v2).
 *
 *   cyberbi calc FILE [--sheet NAME]... [--all-sheets] [--format csv|json] [--lang en|zh] [--raw]
 *   cyberbi calc FILE --year-table CELL [--out FILE.csv] [--lang en|zh]
 *   cyberbi --help | --version
 *
 * Exit status: 0 when the file was evaluated (even if cells hold errors); 2 for unreadable input
 * (missing file, unknown extension, corrupt file, unknown sheet) and for a wrong command line,
 * with a message on standard error; 1 only for a defect of the program.
 *
 * HyperFormula and ExcelJS are loaded only when a file is evaluated (and ExcelJS only for
 * .xlsx), so --help and --version answer at once.
 *
 * Several sheets (--sheet repeated, or --all-sheets) come from one evaluation of the workbook:
 * every sheet is evaluated together anyway (formulas refer across sheets), so printing three
 * sheets costs one run, not three. With CYBERBI_TRACE=1 in the environment, standard error
 * gets one line saying how many evaluations the run made and what each phase took.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, UnreadableInputError, UsageError } from './errors';
import type { NamedExpressionInput, SheetInput } from '../sheet/workbook';

export const USAGE = `Usage:
  cyberbi calc FILE [--sheet NAME]... [--all-sheets] [--format csv|json] [--lang en|zh] [--raw] [--max-size MB]
  cyberbi calc FILE --year-table CELL [--out FILE.csv] [--lang en|zh]
  cyberbi --help
  cyberbi --version

Evaluates every cell of FILE (.csv or .xlsx) with the CYBER.* functions and the standard
spreadsheet functions, and prints the evaluated sheet on standard output.

Options:
  --sheet NAME     the worksheet of an .xlsx file to print (default: the first one); repeat it
                   to print several sheets, in the order given
  --all-sheets     print every sheet of the file, in workbook order (hidden ones included)
  --format csv     print the sheet as CSV: cell A1 is the first field of the first line (default)
  --format json    print every non-blank cell with its address, type, value, the message of an
                   error and the formula it holds
  --lang en|zh     language of the CYBER functions' error messages (default en)
  --year-table CELL
                   instead of the sheet, print the year loss table of the CYBER.SIMULATE call
                   in CELL (B2, or Model!B2 for another sheet) as CSV: one line per simulated
                   year with the year, its events, the loss before terms, what each cover of
                   the covers tree paid (its own rows) and the total paid, amounts as exact
                   decimals; the arguments of the call must be literals, array constants or
                   cell/range references
  --out FILE       with --year-table, write the table to FILE instead of standard output
  --raw            print text exactly in CSV output; without it, text that a spreadsheet would
                   run as a formula (beginning with =, +, -, @, a tab or a carriage return) is
                   printed with a leading ' (numbers, booleans and errors never are; JSON output
                   is never changed)
  --max-size MB    the most one part of an .xlsx file may inflate to (default 256); the parts
                   read may inflate to 4 × MB together (default 1024)
  -h, --help       show this help
  -V, --version    show the version

CSV input: a field starting with = is a formula, a number is a number, TRUE/FALSE are booleans,
anything else is text, an empty field is a blank cell. UTF-8 (with or without BOM); a file that is
not valid UTF-8 is read as GB18030. Formulas are evaluated as Excel 365 does when they are typed
(=A1:A3*2 spills).

XLSX input: formulas are recomputed (cached results are ignored); date cells (ISO dates too)
become Excel serial numbers; array formulas spill over their range. Only the parts holding
cells, names, styles and tables are read (pictures and embedded objects never are), each
counted while it inflates; a part or package past --max-size is refused (exit 2).

Limits: a sheet beyond 1,048,576 rows or 16,384 columns (XFD1048576) is unreadable input (exit
2); so is a file whose estimated memory exceeds the budget (Node's heap limit less 256 MB; raise
it with NODE_OPTIONS=--max-old-space-size=MB). CSV output pads every line to the used range's
width unless the sheet is sparse (its used range holds more than 1,048,576 fields and more than
four per non-blank cell): then each line ends at its last non-blank field.

Several sheets (two or more --sheet, or --all-sheets) are evaluated once, together, and printed
as one stream:
  CSV   every line is a record of one sheet: its first field is the sheet's name, then the
        fields the single-sheet CSV prints for that row (cell A1 is the second field of the
        sheet's first line); sheets follow one another in order; every line has the same number
        of fields (1 + the widest sheet's columns), shorter rows padded with empty fields; a
        sheet with no cells prints no line.
  JSON  one object: "file", "sheets" (each sheet's "sheet", "rows" and "cols", in order) and
        "cells", every non-blank cell of every sheet with a "sheet" field before its "cell".

Exit status: 0 evaluated (even if cells hold errors), 2 unreadable input or wrong usage,
1 internal error.
`;

export interface CalcOptions {
  readonly file: string;
  /** The sheets asked for with --sheet, in order (empty: the first sheet, or all with allSheets). */
  readonly sheets: readonly string[];
  /** --all-sheets: every sheet in workbook order. */
  readonly allSheets: boolean;
  readonly format: 'csv' | 'json';
  readonly lang: 'en' | 'zh';
  /** CSV output without the formula guard. */
  readonly raw: boolean;
  /** --max-size: the most one .xlsx part may inflate to, in MB (undefined: the default). */
  readonly maxSizeMB?: number;
  /** --year-table: the cell of a CYBER.SIMULATE call whose year loss table is printed instead of the sheet. */
  readonly yearTable?: string;
  /** --out: where --year-table writes (undefined: standard output). */
  readonly out?: string;
}

export type Command = { readonly kind: 'help' } | { readonly kind: 'version' } | ({ readonly kind: 'calc' } & CalcOptions);

/** Parses the arguments after the program name. Throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('no command given');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-V')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'calc') throw new UsageError(`unknown command "${command}"`);
  const positional: string[] = [];
  const options: { format?: string; lang?: string; 'year-table'?: string; out?: string } = {};
  const sheets: string[] = [];
  let raw = false;
  let allSheets = false;
  let maxSizeMB: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--raw') {
      if (raw) throw new UsageError('--raw is given twice');
      raw = true;
      continue;
    }
    if (arg === '--all-sheets') {
      if (allSheets) throw new UsageError('--all-sheets is given twice');
      allSheets = true;
      continue;
    }
    const size = /^--max-size(?:=(.*))?$/.exec(arg);
    if (size) {
      if (maxSizeMB !== undefined) throw new UsageError('--max-size is given twice');
      const value = size[1] ?? rest[++i];
      if (value === undefined) throw new UsageError('--max-size needs a value (MB)');
      const mb = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (!(mb >= 1 && mb <= 1048576)) throw new UsageError(`--max-size must be a number of MB from 1 to 1048576, not "${value}"`);
      maxSizeMB = mb;
      continue;
    }
    const m = /^--(sheet|format|lang|year-table|out)(?:=(.*))?$/.exec(arg);
    if (m) {
      const key = m[1] as 'sheet' | 'format' | 'lang' | 'year-table' | 'out';
      let value = m[2];
      if (value === undefined) {
        if (i + 1 >= rest.length) throw new UsageError(`--${key} needs a value`);
        value = rest[++i];
      }
      if (key === 'sheet') {
        if (value === '') throw new UsageError('--sheet needs a sheet name');
        if (sheets.includes(value)) throw new UsageError(`--sheet "${value}" is given twice`);
        sheets.push(value);
        continue;
      }
      if (options[key] !== undefined) throw new UsageError(`--${key} is given twice`);
      options[key] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    positional.push(arg);
  }
  if (positional.length === 0) throw new UsageError('calc needs a FILE (.csv or .xlsx)');
  if (positional.length > 1) throw new UsageError(`calc takes one FILE, but ${positional.length} were given: ${positional.join(' ')}`);
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`);
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
  if (allSheets && sheets.length > 0) throw new UsageError('--all-sheets and --sheet cannot be given together');
  const yearTable = options['year-table'];
  if (options.out !== undefined && yearTable === undefined) throw new UsageError('--out applies to --year-table only');
  if (yearTable !== undefined && (allSheets || sheets.length > 1 || options.format !== undefined)) throw new UsageError('--year-table prints one table as CSV: it cannot be given with --all-sheets, several --sheet or --format');
  return {
    kind: 'calc',
    file: positional[0],
    sheets,
    allSheets,
    format,
    lang,
    raw,
    ...(maxSizeMB === undefined ? {} : { maxSizeMB }),
    ...(yearTable === undefined ? {} : { yearTable }),
    ...(options.out === undefined ? {} : { out: options.out }),
  };
}

export function version(): string {
  // package.json is two levels up both from src/cli (tests) and from lib/cli (the installed CLI).
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

interface LoadedInput {
  readonly sheets: SheetInput[];
  readonly names: NamedExpressionInput[];
  /** Indexes of the sheets to print, in order. */
  readonly selected: readonly number[];
  readonly arrayArithmetic: boolean;
  /** CHAR's and CODE's character set: Mac Excel's for a workbook it computed (read-xlsx.ts). */
  readonly characterSet?: 'windows' | 'mac';
  /** Excel's iterative calculation, when the workbook turns it on (src/sheet/iteration.ts). */
  readonly iteration?: { readonly maxIterations: number; readonly maxChange: number };
  /** The workbook's 1904 date system (`<workbookPr date1904="1"/>`, src/sheet/dateSystem.ts). */
  readonly date1904?: boolean;
}

function readBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UnreadableInputError(`${file}: no such file`);
  }
  if (!stat.isFile()) throw new UnreadableInputError(`${file} is not a file`);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UnreadableInputError(`${file} cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function load(options: CalcOptions): Promise<LoadedInput> {
  const ext = path.extname(options.file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    throw new UnreadableInputError(`${options.file}: unsupported file type "${ext || '(none)'}"; cyberbi reads .csv and .xlsx files`);
  }
  if (ext === '.csv') {
    const bytes = readBytes(options.file);
    if (options.sheets.length > 0) throw new UsageError('--sheet applies to .xlsx files only (a CSV file holds one sheet)');
    const { decodeCsv, estimateFields, parseCsv } = await import('./read-csv');
    const { checkBudget } = await import('./budget');
    checkBudget(options.file, 'csv', 0, bytes.length); // before the bytes become text
    const text = decodeCsv(bytes);
    checkBudget(options.file, 'csv', estimateFields(text), bytes.length);
    const cells = parseCsv(text, options.file);
    const name = path.basename(options.file, path.extname(options.file)) || 'Sheet1';
    // A formula in a CSV file is read as typed into Excel 365: array arithmetic on.
    return { sheets: [{ name, cells }], names: [], selected: [0], arrayArithmetic: true };
  }
  const xlsxBytes = readBytes(options.file); // the same "missing / not a file" messages as for CSV
  const { readXlsx } = await import('./read-xlsx');
  const { packageLimits } = await import('../sheet/limits');
  const { checkBudget } = await import('./budget');
  const { sheets, names, characterSet, iteration, date1904 } = await readXlsx(options.file, packageLimits(options.maxSizeMB), (r) => checkBudget(options.file, 'xlsx', r.cells, r.inflated), xlsxBytes);
  let selected: number[] = [0];
  if (options.allSheets) selected = sheets.map((_, k) => k);
  else if (options.sheets.length > 0) {
    selected = options.sheets.map((wanted) => {
      let k = sheets.findIndex((s) => s.name === wanted);
      if (k < 0) k = sheets.findIndex((s) => s.name.toLowerCase() === wanted.toLowerCase());
      if (k < 0) throw new UnreadableInputError(`${options.file} has no sheet "${wanted}"; its sheets are: ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
      return k;
    });
    const twice = selected.find((k, i) => selected.indexOf(k) !== i);
    if (twice !== undefined) throw new UsageError(`--sheet names the sheet "${sheets[twice].name}" twice`);
  }
  // Formulas stored without the array flag use implicit intersection, as in Excel's file format.
  return { sheets, names, selected, arrayArithmetic: false, characterSet, iteration, ...(date1904 ? { date1904 } : {}) };
}

/** Counts what a run did, for CYBERBI_TRACE (and the tests: one evaluation however many sheets). */
const trace = { evaluations: 0 };

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Runs the command; returns the exit status. Never throws. */
export async function main(argv: readonly string[], io: Io = process): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`cyberbi: ${e.message}\n\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
  if (command.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  try {
    const started = process.hrtime.bigint();
    const input = await load(command);
    // The empty cells whole-column and whole-row references make the evaluator hold (budget.ts).
    const { checkWholeLineBudget } = await import('./budget');
    checkWholeLineBudget(command.file, path.extname(command.file).toLowerCase() === '.csv' ? 'csv' : 'xlsx', input.sheets, input.names);
    const loaded = process.hrtime.bigint();
    const { evaluateWorkbook } = await import('../sheet/workbook');
    // No page policy can refuse WebAssembly here: SIMULATE computes its Philox blocks in bulk in
    // WebAssembly (src/stochastic/philoxWasm.ts), the same values as in JavaScript.
    (await import('../engine')).usePhiloxWasm(true);
    const ready = process.hrtime.bigint();
    // One evaluation gives every sheet: formulas may refer to any of them.
    const results = evaluateWorkbook(input.sheets, { arrayArithmetic: input.arrayArithmetic, language: command.lang, names: input.names, characterSet: input.characterSet, iteration: input.iteration, date1904: input.date1904 });
    trace.evaluations++;
    const evaluated = process.hrtime.bigint();
    if (command.yearTable !== undefined) {
      const { writeYearTable } = await import('./yearTable');
      let fd: number | undefined;
      try {
        fd = command.out === undefined ? undefined : fs.openSync(command.out, 'w');
      } catch (e) {
        throw new UnreadableInputError(`--out ${command.out} cannot be written (${e instanceof Error ? e.message : String(e)})`);
      }
      try {
        writeYearTable(results, input.selected[0], command.yearTable, command.lang, command.raw, (t) => (fd === undefined ? io.stdout.write(t) : fs.writeSync(fd, t)));
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
      return EXIT_OK;
    }
    const printed = input.selected.map((k) => results[k]);
    const { toCsv, toCsvSheets, toJson, toJsonSheets } = await import('./output');
    // The single-sheet form (catalogue section 8) unless several sheets were asked for.
    const many = command.allSheets || command.sheets.length > 1;
    let text: string;
    if (command.format === 'json') text = many ? toJsonSheets(printed, command.file) : toJson(printed[0], command.file);
    else text = many ? toCsvSheets(printed, { raw: command.raw }) : toCsv(printed[0], { raw: command.raw });
    io.stdout.write(text);
    if (process.env.CYBERBI_TRACE) {
      const ms = (a: bigint, b: bigint) => (Number(b - a) / 1e6).toFixed(1);
      const done = process.hrtime.bigint();
      io.stderr.write(
        `cyberbi: trace: ${trace.evaluations} workbook evaluation${trace.evaluations === 1 ? '' : 's'}, ${input.sheets.length} sheets evaluated, ${printed.length} printed; ` +
          `read ${ms(started, loaded)} ms, load the evaluator ${ms(loaded, ready)} ms, evaluate ${ms(ready, evaluated)} ms, print ${ms(evaluated, done)} ms, since start ${(process.uptime() * 1000).toFixed(0)} ms\n`,
      );
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`cyberbi: ${e.message}\n\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof UnreadableInputError) {
      io.stderr.write(`cyberbi: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`cyberbi: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INTERNAL;
  }
}

/** Entry point of bin/cyberbi.js: sets the exit status once the output is written. */
export function run(argv: readonly string[] = process.argv.slice(2)): void {
  // A reader that stops early (`cyberbi calc … | head -1`) closes the pipe: the rest of the output
  // has nowhere to go, which is no failure of the evaluation — end quietly, as if it had been read.
  // (Ctrl+C needs nothing here: Node's default for SIGINT ends the process at once, status 130,
  // without a trace; a handler would only run after the synchronous evaluation had finished.)
  const quietOnClosedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw e;
  };
  process.stdout.on('error', quietOnClosedPipe);
  process.stderr.on('error', quietOnClosedPipe);
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cyberbi: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
