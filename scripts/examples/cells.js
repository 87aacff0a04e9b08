/** Cell addresses and Excel date serials for the example generator (no dependencies). */

/** 1-based column number → letters (1 → A, 27 → AA). */
function columnLetters(n) {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Excel serial (1900 date system) of a calendar date: 2025-01-01 → 45658. */
function serial(y, m, d) {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

module.exports = { columnLetters, serial };
