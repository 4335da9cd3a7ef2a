/**
 * File-system fault injection for end-to-end tests, loaded into the test's host process only
 * (`NODE_OPTIONS=--require <this file>`); nothing of it is in the product. The file named by
 * FACTCHECK_TEST_FS_FAULTS holds rules the test rewrites while the host runs:
 *   [{ "op": "open" | "rename" | "mkdir" | "link" | "fsync", "match": "<regular expression on the path>", "code": "ENOSPC" }]
 * A call whose path matches a rule of its operation fails with that errno code, as the kernel would.
 */
'use strict';
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const rulesFile = process.env.FACTCHECK_TEST_FS_FAULTS;
if (rulesFile) {
  const readFileSync = fs.readFileSync.bind(fs);
  const rules = () => {
    try {
      return JSON.parse(readFileSync(rulesFile, 'utf8'));
    } catch {
      return [];
    }
  };
  const fault = (op, file) => {
    const rule = rules().find((r) => r.op === op && new RegExp(r.match).test(String(file)));
    if (!rule) return null;
    return Object.assign(new Error(`${rule.code}: injected fault, ${op} '${file}'`), { code: rule.code, errno: -1, syscall: op, path: String(file) });
  };
  const promises = fs.promises;
  const handlePaths = new WeakMap();
  let syncPatched = false;
  const patch = (op, original) =>
    async function (file, ...rest) {
      const err = fault(op, file);
      if (err) throw err;
      const result = await original.call(this, file, ...rest);
      if (op === 'open') {
        handlePaths.set(result, String(file));
        if (!syncPatched) patchSync(Object.getPrototypeOf(result));
      }
      return result;
    };
  const patchSync = (proto) => {
    syncPatched = true;
    const originalSync = proto.sync;
    proto.sync = async function () {
      const err = fault('fsync', handlePaths.get(this) ?? '');
      if (err) throw err;
      return originalSync.call(this);
    };
  };
  promises.open = patch('open', promises.open);
  promises.mkdir = patch('mkdir', promises.mkdir);
  promises.link = patch('link', promises.link);
  const rename = promises.rename;
  promises.rename = async function (from, to) {
    const err = fault('rename', to);
    if (err) throw err;
    return rename.call(this, from, to);
  };
  syncBuiltinESMExports();
}
