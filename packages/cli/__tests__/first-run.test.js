'use strict';
const { plan, next, STEPS } = require('../src/first-run');

const PLUGINS = ['@minqing/plugin-three-lists', '@minqing/plugin-workbench'];
const demoOn = { plugins: PLUGINS, demo: true };
const demoOff = { plugins: PLUGINS, demo: false };
const marker = (step, details = {}) => ({ step, details });

describe('what minqing up has left to do, from the database', () => {
  it('a new database: the first run begins, records that the database was blank, installs everything', () => {
    const todo = plan({ installed: false, blank: true, marker: null, enabled: [] }, demoOn);
    expect(todo.begin).toMatchObject({ step: 'install', details: { blank: true } });
    expect(todo).toMatchObject({ install: 'install', enable: PLUGINS, demo: true, logins: true, adopted: false });
    expect(plan({ installed: false, blank: true, marker: null, enabled: [] }, demoOff)).toMatchObject({
      demo: false,
      logins: true,
    });
  });

  it('a finished first run: nothing but plugins added to MINQING_PLUGINS since; no demo, no logins', () => {
    const state = { installed: true, blank: false, marker: marker('done'), enabled: [PLUGINS[0]] };
    expect(plan(state, demoOn)).toEqual({
      begin: null,
      install: 'skip',
      enable: [PLUGINS[1]],
      demo: false,
      logins: false,
      adopted: false,
    });
  });

  it('an installation without a marker (made before it existed, or restored) is taken as set up', () => {
    const todo = plan({ installed: true, blank: false, marker: null, enabled: PLUGINS }, demoOn);
    expect(todo.begin).toEqual({ step: 'done', details: { adopted: true } });
    expect(todo).toMatchObject({ install: 'skip', enable: [], demo: false, logins: false, adopted: true });
  });

  it('resumes a first run stopped during the demo load: loads (or finishes) the demo, then shows the logins', () => {
    const todo = plan(
      { installed: true, blank: false, marker: marker('demo', { blank: true }), enabled: PLUGINS },
      demoOn,
    );
    expect(todo).toMatchObject({ begin: null, install: 'skip', enable: [], demo: true, logins: true });
  });

  it('resumes a first run stopped while enabling plugins: enables the rest', () => {
    const todo = plan({ installed: true, blank: false, marker: marker('plugins'), enabled: [PLUGINS[0]] }, demoOn);
    expect(todo).toMatchObject({ install: 'skip', enable: [PLUGINS[1]], demo: true, logins: true });
  });

  it('a first run stopped after the demo, before its logins were shown, shows them (and loads nothing)', () => {
    const todo = plan({ installed: true, blank: false, marker: marker('logins'), enabled: PLUGINS }, demoOn);
    expect(todo).toMatchObject({ demo: false, logins: true });
  });

  it('NocoBase stopped half-way through its install: made again in a database that was blank, refused otherwise', () => {
    const state = (blank) => ({ installed: true, blank: false, marker: marker('install', { blank }), enabled: [] });
    expect(plan(state(true), demoOn).install).toBe('reset');
    expect(plan(state(false), demoOn).install).toBe('refuse');
    expect(plan({ ...state(false), installed: false }, demoOn).install).toBe('install');
  });

  it('walks the steps in order, skipping the demo when it is off', () => {
    const walk = (settings) => {
      const seen = ['install'];
      while (seen.at(-1) !== 'done') seen.push(next(seen.at(-1), settings));
      return seen;
    };
    expect(walk(demoOn)).toEqual(STEPS);
    expect(walk(demoOff)).toEqual(['install', 'plugins', 'logins', 'done']);
  });
});
