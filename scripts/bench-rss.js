/**
 * Preloaded by the bench (node --require scripts/bench-rss.js …): at exit, writes the process's
 * peak resident set size, in bytes, as JSON to the file named by CYBERBI_BENCH_RSS_FILE. Works
 * the same wherever Node runs (no /usr/bin/time -v needed).
 */
const fs = require('node:fs');

const file = process.env.CYBERBI_BENCH_RSS_FILE;
if (file) {
  process.once('exit', () => {
    // resourceUsage().maxRSS is in kibibytes.
    fs.writeFileSync(file, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS * 1024 }));
  });
}
