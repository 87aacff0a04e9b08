/**
 * A webpack plugin that fails the build when any module asks for, or resolves into, a forbidden
 * package. Used to keep HyperFormula (GPL-3.0-only, TOOLING-FACTS.md) out of the Excel add-in
 * bundles: the add-in is MIT and must not ship it, yet the engine's neighbours (src/sheet,
 * src/cli) legitimately import it, so one stray import would silently change the bundle's licence.
 *
 * Two checks: the request as written (`hyperformula`, `hyperformula/...`), before aliases apply,
 * and the resolved file (anything under node_modules/hyperformula/, however it was reached).
 */
'use strict';

const path = require('path');

const NAME = 'ForbidModulesPlugin';

class ForbidModulesPlugin {
  /** @param {{ packages: string[], reason: string }} options */
  constructor({ packages, reason }) {
    this.packages = packages;
    this.reason = reason;
  }

  /** The forbidden package a bare request names, if any ("hyperformula/es/x" → "hyperformula"). */
  forbiddenRequest(request) {
    const bare = String(request || '').split('!').pop().split('?')[0];
    return this.packages.find((p) => bare === p || bare.startsWith(`${p}/`));
  }

  /** The forbidden package a resolved file lies in, if any. */
  forbiddenResource(resource) {
    const parts = String(resource || '').split(/[\\/]/);
    return this.packages.find((p) => parts.some((part, i) => part === 'node_modules' && parts.slice(i + 1, i + 1 + p.split('/').length).join('/') === p));
  }

  apply(compiler) {
    const { WebpackError } = compiler.webpack;
    const report = (compilation, pkg, what, issuer) => {
      const from = issuer ? path.relative(compiler.context, issuer) : 'an entry';
      const error = new WebpackError(`${NAME}: ${from} ${what} "${pkg}". ${this.reason}`);
      error.hideStack = true;
      compilation.errors.push(error);
    };
    compiler.hooks.compilation.tap(NAME, (compilation, { normalModuleFactory }) => {
      normalModuleFactory.hooks.beforeResolve.tap(NAME, (data) => {
        const pkg = this.forbiddenRequest(data.request);
        if (!pkg) return undefined;
        report(compilation, pkg, 'imports', data.contextInfo && data.contextInfo.issuer);
        return false; // do not resolve it at all
      });
      normalModuleFactory.hooks.afterResolve.tap(NAME, (data) => {
        const resource = data.createData && data.createData.resource;
        const pkg = this.forbiddenResource(resource);
        if (!pkg) return undefined;
        report(compilation, pkg, `resolves ${JSON.stringify(data.request)} into`, data.contextInfo && data.contextInfo.issuer);
        return false;
      });
    });
  }
}

module.exports = { ForbidModulesPlugin };
