'use strict';
// `node --require testing/electron-double/register.cjs out/main/index.js`: makes every
// require('electron') in that process load the recording double instead of the real
// package (whose binary cannot be downloaded on machines without GitHub access). Only the
// smoke test's child processes load this file; app code never names it.

const Module = require('node:module');
const path = require('node:path');

const DOUBLE = path.join(__dirname, 'electron.cjs');
const originalResolve = Module._resolveFilename;

Module._resolveFilename = function resolveElectron(request, parent, isMain, options) {
  if (request === 'electron' || request === 'electron/main') return DOUBLE;
  return originalResolve.call(this, request, parent, isMain, options);
};
