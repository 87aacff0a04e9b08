/**
 * Loss distributions in doubles (catalogue sections 10 and 11). This folder is its own room
 * (STYLE.md "One room per kind of arithmetic"): it imports only the @stdlib math packages and its
 * own modules; in the product only src/engine/distributions.ts, the one bridge to the exact
 * engine, imports it (eslint.config.js enforces both).
 */
export * from './closedform';
export * from './families';
export * from './parse';
export * from './problems';
