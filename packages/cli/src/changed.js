'use strict';
// `minqing test --changed`: the jest projects and test files that the working tree's changes
// (git status against HEAD, untracked files included) touch.
//   a test file                      → itself, in its project
//   a plugin's file                  → that plugin's unit and server tests (its client: unit only)
//   a package's file (build, cli, …) → that package's __tests__
//   a helper under test/<project>/   → the tests of that folder
// Anything else (the test harness, jest.config.js, root files) is reported as not mapped.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

/** Project of a test file, by the testMatch patterns of jest.config.js. */
function projectOf(file) {
  if (/^plugins\/@minqing\/[^/]+\/src\/.*__tests__\/.*\.unit\.test\.ts$/.test(file)) return 'unit';
  if (/^packages\/[^/]+\/__tests__\/.*(\.test\.js|\.unit\.test\.ts)$/.test(file)) return 'unit';
  if (/^plugins\/@minqing\/[^/]+\/src\/server\/__tests__\/.*\.test\.ts$/.test(file)) return 'server';
  const top = file.match(/^test\/(server|browser|stock)\/.*\.test\.ts$/);
  return top ? top[1] : null;
}

/** Test files under `dir` (relative to root), each with its project. */
function testsUnder(root, dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true })
    .map((file) => path.posix.join(dir, String(file).split(path.sep).join('/')))
    .filter((file) => !file.includes('/node_modules/') && projectOf(file));
}

/**
 * @param changed files relative to root (posix separators), as git names them
 * @returns {{ tests: {file, project}[], unmapped: string[] }}
 */
function testsFor(root, changed) {
  const found = new Map();
  const unmapped = [];
  const add = (file) => found.set(file, projectOf(file));
  for (const file of changed) {
    if (projectOf(file)) {
      if (fs.existsSync(path.join(root, file))) add(file);
      continue;
    }
    if (/\.md$/.test(file)) continue;
    const plugin = file.match(/^plugins\/@minqing\/([^/]+)\//);
    if (plugin) {
      const src = `plugins/@minqing/${plugin[1]}/src`;
      const tests = testsUnder(root, src);
      const clientOnly = file.startsWith(`${src}/client/`);
      tests.filter((t) => !clientOnly || projectOf(t) === 'unit').forEach(add);
      continue;
    }
    const pkg = file.match(/^packages\/([^/]+)\//);
    if (pkg && pkg[1] !== 'test-utils') {
      testsUnder(root, `packages/${pkg[1]}/__tests__`).forEach(add);
      continue;
    }
    const helper = file.match(/^test\/(server|browser|stock)\//);
    if (helper) {
      testsUnder(root, path.posix.dirname(file)).forEach(add);
      continue;
    }
    unmapped.push(file);
  }
  return { tests: [...found].map(([file, project]) => ({ file, project })), unmapped };
}

/** Files that differ from HEAD in the working tree or the index, and untracked files. */
function changedFiles(root) {
  const out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    cwd: root,
    encoding: 'utf8',
  });
  const entries = out.split('\0').filter(Boolean);
  const files = [];
  for (let i = 0; i < entries.length; i++) {
    const status = entries[i].slice(0, 2);
    files.push(entries[i].slice(3));
    if (status.includes('R') || status.includes('C')) i++; // the original name follows a rename
  }
  return files;
}

module.exports = { testsFor, changedFiles, projectOf };
