/**
 * The limits of what the CLI and the workbench read, shared by both hosts: Excel's own sheet
 * size ("Worksheet size: 1,048,576 rows by 16,384 columns", Excel specifications and limits),
 * and the bounds on an .xlsx package (src/sheet/archive.ts). Input past one of them is refused
 * with a message naming the limit and the figures, never read half-way.
 */

/** Rows and columns of an Excel worksheet (A1 to XFD1048576). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Bounds on an .xlsx package: every part inflated, and all parts together. */
export interface PackageLimits {
  /** The most one part may inflate to, in bytes. */
  readonly partBytes: number;
  /** The most all the parts read may inflate to together, in bytes. */
  readonly packageBytes: number;
}

export const MIB = 1024 * 1024;

/** 256 MB a part, 1 GiB the package. */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = { partBytes: 256 * MIB, packageBytes: 1024 * MIB };

/** Limits for `--max-size MB`: MB a part and four times that the package (the defaults: 256 MB and 1 GiB). */
export function packageLimits(maxSizeMB?: number): PackageLimits {
  if (maxSizeMB === undefined) return DEFAULT_PACKAGE_LIMITS;
  const part = Math.round(maxSizeMB * MIB);
  return { partBytes: part, packageBytes: 4 * part };
}

/** "1.9 GB", "256 MB", "12 KB": sizes in messages (decimal-free for whole MB). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * MIB) return `${(bytes / (1024 * MIB)).toFixed(bytes % (1024 * MIB) === 0 ? 0 : 1)} GiB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(bytes % MIB === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} bytes`;
}

/** A sheet past Excel's size: more rows or columns than a worksheet has, or a cell beyond XFD1048576. */
export class SheetLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetLimitError';
  }
}

/** The sheet-limit message for a sheet `what` (e.g. "has 1,048,577 rows"). */
export function sheetLimitMessage(sheet: string, what: string): string {
  return `sheet "${sheet}" ${what}: a worksheet has at most 1,048,576 rows and 16,384 columns (A1 to XFD1048576)`;
}

/** An .xlsx part or package past its bound (or a part that is not a zip entry one can read). */
export class PackageLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageLimitError';
  }
}

/** A cell count (or any count) with thousands separators, for messages. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
