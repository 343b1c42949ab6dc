'use strict';
// A jest reporter that ends `npm test` with one line per project: files, tests passed / failed /
// skipped, the project's wall time (its first file's start to its last file's end; projects share
// the workers, so they overlap) and the sum of its files' times (where the workers' time went).
// With MINQING_SUMMARY_FILE set (by `minqing test`), the summary goes to that file, which the CLI
// prints after jest's own totals.
const fs = require('fs');
const { seconds } = require('./runner');

class ProjectSummaryReporter {
  constructor(globalConfig, options = {}) {
    const file = process.env.MINQING_SUMMARY_FILE;
    this.write =
      options.write ?? (file ? (text) => fs.writeFileSync(file, text) : (text) => process.stderr.write(text));
    this.projects = new Map();
  }

  onRunStart() {
    this.projects.clear();
  }

  onTestResult(test, result) {
    const name = test.context?.config?.displayName?.name ?? 'tests';
    const p = this.projects.get(name) ?? {
      files: 0,
      failedFiles: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      start: Infinity,
      end: 0,
      busy: 0,
    };
    p.files++;
    if (result.testExecError || result.numFailingTests > 0) p.failedFiles++;
    p.passed += result.numPassingTests;
    p.failed += result.numFailingTests;
    p.skipped += result.numPendingTests + (result.numTodoTests ?? 0);
    const { start, end } = result.perfStats ?? {};
    if (start && end) {
      p.start = Math.min(p.start, start);
      p.end = Math.max(p.end, end);
      p.busy += end - start;
    }
    this.projects.set(name, p);
  }

  onRunComplete() {
    if (this.projects.size === 0) return;
    const rows = [['project', 'files', 'passed', 'failed', 'skipped', 'wall', 'file time']];
    for (const [name, p] of [...this.projects].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push([
        `${p.failedFiles ? '✗' : '✓'} ${name}`,
        p.failedFiles ? `${p.files} (${p.failedFiles} failed)` : String(p.files),
        String(p.passed),
        String(p.failed),
        String(p.skipped),
        p.end ? seconds(p.end - p.start) : '-',
        seconds(p.busy),
      ]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    const line = (row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    this.write(`\nSummary per project\n${rows.map((row) => `  ${line(row)}`).join('\n')}\n`);
  }
}

module.exports = ProjectSummaryReporter;
