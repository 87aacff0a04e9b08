/**
 * The @stdlib kernels special.ts imports from inside a package (they have no typings of their own):
 * the library's own polynomial, so special.ts's faster exp computes with the library's coefficients.
 */
declare module '@stdlib/math-base-special-exp/lib/polyval_p.js' {
  /** exp's polynomial in t = r² (FreeBSD msun e_exp.c, P1 … P5). */
  const polyval: (t: number) => number;
  export default polyval;
}
