'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { testsFor, changedFiles, projectOf } = require('../src/changed');
const ProjectSummaryReporter = require('../src/jest-project-summary');
const { parse } = require('../bin/minqing');

function tree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-changed-'));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), '// x\n');
  }
  return dir;
}

const FILES = [
  'plugins/@minqing/plugin-liaison/src/server/actions/visits.ts',
  'plugins/@minqing/plugin-liaison/src/server/__tests__/visits.test.ts',
  'plugins/@minqing/plugin-liaison/src/server/__tests__/coverage.unit.test.ts',
  'plugins/@minqing/plugin-liaison/src/client/index.tsx',
  'plugins/@minqing/plugin-three-lists/src/server/__tests__/loop.test.ts',
  'packages/build/src/index.js',
  'packages/build/__tests__/build.test.js',
  'packages/demo/__tests__/bureau.unit.test.ts',
  'test/browser/helpers.ts',
  'test/browser/campaign.test.ts',
  'test/stock/install-tarball.test.ts',
];

describe('npm test --changed', () => {
  const root = tree(FILES);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = (changed) => {
    const { tests, unmapped } = testsFor(root, changed);
    return { tests: tests.map((t) => `${t.project} ${t.file}`).sort(), unmapped };
  };

  it('knows the project of a test file as jest.config.js does', () => {
    expect(projectOf('plugins/@minqing/plugin-liaison/src/server/__tests__/visits.test.ts')).toBe('server');
    expect(projectOf('plugins/@minqing/plugin-liaison/src/server/__tests__/coverage.unit.test.ts')).toBe('unit');
    expect(projectOf('packages/cli/__tests__/env.test.js')).toBe('unit');
    expect(projectOf('test/stock/install-tarball.test.ts')).toBe('stock');
    expect(projectOf('plugins/@minqing/plugin-liaison/src/server/actions/visits.ts')).toBeNull();
  });

  it('maps a plugin server file to that plugin’s unit and server tests, and no other plugin’s', () => {
    expect(run(['plugins/@minqing/plugin-liaison/src/server/actions/visits.ts'])).toEqual({
      tests: [
        'server plugins/@minqing/plugin-liaison/src/server/__tests__/visits.test.ts',
        'unit plugins/@minqing/plugin-liaison/src/server/__tests__/coverage.unit.test.ts',
      ],
      unmapped: [],
    });
  });

  it('maps a test file to itself, a client file to the plugin’s unit tests, a package to its __tests__', () => {
    expect(run(['plugins/@minqing/plugin-three-lists/src/server/__tests__/loop.test.ts']).tests).toEqual([
      'server plugins/@minqing/plugin-three-lists/src/server/__tests__/loop.test.ts',
    ]);
    expect(run(['plugins/@minqing/plugin-liaison/src/client/index.tsx']).tests).toEqual([
      'unit plugins/@minqing/plugin-liaison/src/server/__tests__/coverage.unit.test.ts',
    ]);
    expect(run(['packages/build/src/index.js']).tests).toEqual(['unit packages/build/__tests__/build.test.js']);
    expect(run(['test/browser/helpers.ts']).tests).toEqual(['browser test/browser/campaign.test.ts']);
  });

  it('reports what it cannot map, ignores docs and deleted tests', () => {
    expect(run(['jest.config.js', 'packages/test-utils/src/app.ts', 'README.md', 'test/server/gone.test.ts'])).toEqual({
      tests: [],
      unmapped: ['jest.config.js', 'packages/test-utils/src/app.ts'],
    });
  });

  it('reads the changed files from git: modified, staged, untracked, renamed', () => {
    const repo = tree(['a.js', 'b.js', 'c.js']);
    const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'x');
    fs.writeFileSync(path.join(repo, 'a.js'), 'changed');
    git('mv', 'b.js', 'renamed.js');
    fs.mkdirSync(path.join(repo, 'new'));
    fs.writeFileSync(path.join(repo, 'new', 'd.js'), 'new');
    expect(changedFiles(repo).sort()).toEqual(['a.js', 'new/d.js', 'renamed.js']);
    fs.rmSync(repo, { recursive: true, force: true });
  });
});

describe('the summary per project at the end of npm test', () => {
  const result = (passed, failed, start, end, extra = {}) => ({
    numPassingTests: passed,
    numFailingTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    perfStats: { start, end },
    ...extra,
  });
  const test = (name) => ({ context: { config: { displayName: { name } } } });

  it('counts files, tests and time per project, and marks a project with a failing file', () => {
    let text = '';
    const reporter = new ProjectSummaryReporter({}, { write: (t) => (text += t) });
    reporter.onRunStart();
    reporter.onTestResult(test('unit'), result(10, 0, 1_000, 2_000));
    reporter.onTestResult(test('server'), result(4, 1, 1_000, 31_000));
    reporter.onTestResult(test('server'), result(0, 0, 5_000, 41_000, { testExecError: { message: 'boom' } }));
    reporter.onTestResult(test('unit'), result(5, 0, 1_500, 3_000));
    reporter.onRunComplete();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('Summary per project');
    expect(lines[1]).toMatch(/project\s+files\s+passed\s+failed\s+skipped\s+wall\s+file time/);
    expect(lines[2]).toMatch(/^ {2}✗ server\s+2 \(2 failed\)\s+4\s+1\s+0\s+40 s\s+66 s$/);
    expect(lines[3]).toMatch(/^ {2}✓ unit\s+2\s+15\s+0\s+0\s+2\.0 s\s+2\.5 s$/);
  });
});

describe('minqing command line', () => {
  it('parses each command’s options with util.parseArgs and passes what follows -- to jest', () => {
    const { command, parsed } = parse([
      'test',
      '--db',
      'postgres',
      '--only',
      'server',
      '--',
      '-t',
      'refuses',
      'x.test.ts',
    ]);
    expect(command).toBe('test');
    expect(parsed.values).toMatchObject({ db: 'postgres', only: 'server', changed: false });
    expect(parsed.positionals).toEqual(['-t', 'refuses', 'x.test.ts']);
    expect(parse(['up', '--verbose', '--env-path', 'storage/x.env']).parsed.values).toEqual({
      verbose: true,
      'env-path': 'storage/x.env',
    });
    expect(parse(['test', '--changed']).parsed.values.changed).toBe(true);
  });

  it('refuses an unknown option or command with a usage message', () => {
    expect(parse(['up', '--verbos']).usage).toMatch(/Unknown option '--verbos'/);
    expect(parse(['upp']).usage).toBe('unknown command upp');
    expect(parse([]).usage).toBe('');
  });

  it('runs before anything is installed: the command line requires Node built-ins only', () => {
    const source = [
      'bin/minqing.js',
      'src/steps.js',
      'src/env.js',
      'src/up.js',
      'src/runner.js',
      'src/first-run.js',
      'src/test.js',
      'src/changed.js',
    ]
      .map((file) => fs.readFileSync(path.join(__dirname, '..', file), 'utf8'))
      .join('\n');
    const required = [...source.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
    const builtins = new Set(require('module').builtinModules);
    expect(required.filter((id) => !id.startsWith('.') && !builtins.has(id))).toEqual([]);
  });
});
