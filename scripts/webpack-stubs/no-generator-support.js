/**
 * Browser bundles' stand-in for @stdlib/assert-has-generator-support.
 *
 * The real module finds out whether generators exist by compiling `(function* () {})` with eval,
 * which the add-in's and the workbench's Content-Security-Policy forbid (no 'unsafe-eval'): every
 * page load then reported a CSP violation. Its only users here, @stdlib's continued-fraction and
 * sum-series tools (inside gammainc and betainc), pick a plain-function implementation when it says
 * no; that path performs the same floating-point operations in the same order as the generator
 * path Node takes, so the results are the same doubles in every host.
 */
'use strict';

module.exports = function hasGeneratorSupport() {
  return false;
};
