'use strict';
// `minqing test` (npm test): install and build what is missing, type-check, run the jest projects,
// end with a summary per project. `--changed` runs only what the working tree's changes touch.
const fs = require('fs');
const path = require('path');
const { root, step, sh, installDependencies, buildPlugins } = require('./steps');
const { testsFor, changedFiles } = require('./changed');

const PROJECTS = ['unit', 'server', 'browser', 'stock'];
const JEST = () => path.join(root, 'node_modules/jest/bin/jest.js');

function jestReporters(jestArgs) {
  if (jestArgs.some((arg) => arg.startsWith('--reporters'))) return [];
  return ['--reporters=default', `--reporters=${path.join(__dirname, 'jest-project-summary.js')}`];
}

async function test({ db = process.env.MINQING_TEST_DB || 'sqlite', only, changed = false, jestArgs = [] }) {
  await installDependencies();
  let projects = only ? only.split(',').filter(Boolean) : PROJECTS;
  let paths = [];
  if (changed) {
    const { tests, unmapped } = testsFor(root, changedFiles(root));
    if (unmapped.length) {
      console.log(`not mapped to tests (run the projects they affect yourself): ${unmapped.join(', ')}`);
    }
    const selected = tests.filter((t) => projects.includes(t.project));
    if (selected.length === 0) {
      console.log('no test is touched by the changes in the working tree');
      return;
    }
    projects = PROJECTS.filter((p) => selected.some((t) => t.project === p));
    paths = ['--runTestsByPath', ...selected.map((t) => t.file)];
    console.log(
      `changed: ${selected.length} test file(s) in ${projects.join(', ')} (no type-check: npm run typecheck)`,
    );
  }
  const needsDist = projects.includes('browser') || projects.includes('stock');
  if (!changed || needsDist) await buildPlugins({ pack: projects.includes('stock') });
  if (!changed && projects.includes('unit')) {
    step('Type-checking the server code and tests');
    sh('node', [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  }
  step(`Running tests: ${projects.join(', ')} (database: ${db})`);
  const summary = path.join(root, 'storage', `jest-summary-${process.pid}.txt`);
  fs.mkdirSync(path.dirname(summary), { recursive: true });
  try {
    // jest's own arguments first: --selectProjects takes every word after it, a test path included
    sh('node', [JEST(), ...jestArgs, ...jestReporters(jestArgs), ...paths, '--selectProjects', ...projects], {
      env: { MINQING_TEST_DB: db, MINQING_SUMMARY_FILE: summary },
    });
  } finally {
    if (fs.existsSync(summary)) {
      process.stdout.write(fs.readFileSync(summary, 'utf8'));
      fs.rmSync(summary);
    }
  }
}

module.exports = { test, PROJECTS };
