/**
 * A windowed list: which rows of a long, fixed-row-height list to render for a scroll position,
 * so that a list of 20,000 stored scenarios costs what the few visible rows cost (issue 12).
 * Pure arithmetic; the component renders rows start..end-1 between two spacers.
 */

export interface WindowInput {
  /** Pixels scrolled from the top of the list. */
  readonly scrollTop: number;
  /** Visible height of the scrolling box, in pixels. */
  readonly viewport: number;
  /** Height of every row, in pixels (> 0). */
  readonly rowHeight: number;
  readonly count: number;
  /** Rows rendered beyond each edge, so a quick scroll shows no blank band. */
  readonly overscan?: number;
}

export interface ListWindow {
  /** First row rendered (0-based). */
  readonly start: number;
  /** One past the last row rendered. */
  readonly end: number;
  /** Heights of the spacers above and below the rendered rows. */
  readonly padTop: number;
  readonly padBottom: number;
}

export function listWindow({ scrollTop, viewport, rowHeight, count, overscan = 5 }: WindowInput): ListWindow {
  const n = Math.max(0, Math.floor(count));
  if (n === 0 || !(rowHeight > 0)) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  // A scroll position or height that is negative, NaN or past the end still gives a valid window.
  const top = Number.isFinite(scrollTop) ? Math.max(0, scrollTop) : 0;
  const height = Number.isFinite(viewport) ? Math.max(0, viewport) : 0;
  const over = Math.max(0, Math.floor(overscan));
  const visible = Math.ceil(height / rowHeight) + 1;
  const first = Math.min(Math.floor(top / rowHeight), Math.max(0, n - visible));
  const start = Math.max(0, first - over);
  const end = Math.min(n, first + visible + over);
  return { start, end, padTop: start * rowHeight, padBottom: (n - end) * rowHeight };
}
