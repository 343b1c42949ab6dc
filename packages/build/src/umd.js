'use strict';

/**
 * Wraps an esbuild CommonJS bundle into the UMD shape of NocoBase's official plugin bundles:
 * under the admin client's requirejs it is `define('<package>', [shared modules], factory)`.
 */
function wrapUmd(packageName, deps, cjsCode) {
  const name = JSON.stringify(packageName);
  const list = JSON.stringify(deps);
  const params = deps.map((_, i) => `__mq_dep${i}`);
  const requires = deps.map((d) => `require(${JSON.stringify(d)})`).join(', ');
  const globals = deps.map((d) => `root[${JSON.stringify(d)}]`).join(', ');
  const table = deps.map((d, i) => `${JSON.stringify(d)}: ${params[i]}`).join(', ');
  return `(function (root, factory) {
  if (typeof exports === 'object' && typeof module === 'object') module.exports = factory(${requires});
  else if (typeof define === 'function' && define.amd) define(${name}, ${list}, factory);
  else if (typeof exports === 'object') exports[${name}] = factory(${requires});
  else root[${name}] = factory(${globals});
})(typeof self !== 'undefined' ? self : this, function (${params.join(', ')}) {
  var __mq_shared = { ${table} };
  var module = { exports: {} };
  var exports = module.exports;
  var require = function (id) {
    if (Object.prototype.hasOwnProperty.call(__mq_shared, id)) return __mq_shared[id];
    throw new Error(${JSON.stringify(packageName + ': cannot find shared module ')} + id);
  };
${cjsCode}
  return module.exports;
});
`;
}

module.exports = { wrapUmd };
