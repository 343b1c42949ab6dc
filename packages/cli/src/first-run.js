'use strict';
// What `minqing up` has left to do, decided from the database (see first-run-db.js), never from a
// log line. A first run goes through these steps and records each one it finished in the database;
// a run stopped anywhere (Ctrl-C, kill -9, a reboot) is resumed from the step it had not finished.
//   install  NocoBase installs itself into the database
//   plugins  our plugins are enabled (the workbench makes its pages)
//   demo     the demo bureau is loaded, in one transaction (MINQING_DEMO=off skips it)
//   logins   the logins are shown once the server answers
//   done     later runs only start the server: no demo, no logins, no password printed
const STEPS = ['install', 'plugins', 'demo', 'logins', 'done'];

const before = (step, than) => STEPS.indexOf(step) < STEPS.indexOf(than);

/**
 * @param state    { installed, blank, marker: {step, details} | null, enabled: string[] } from the database
 * @param settings { plugins: string[], demo: boolean }
 * @returns {{
 *   begin: {step: string, details: object} | null,  marker to write before anything else
 *   install: 'skip' | 'install' | 'reset' | 'refuse',
 *   enable: string[],                                plugins not enabled yet
 *   demo: boolean,                                   load (or finish loading) the demo
 *   logins: boolean,                                 the first run has not shown its logins yet
 *   adopted: boolean,                                an installation made without this marker
 * }}
 */
function plan(state, settings) {
  let marker = state.marker;
  let begin = null;
  let adopted = false;
  if (!marker) {
    // An installation from before the marker existed, or restored from a backup: its first run is
    // long over, whatever it held. Otherwise the database is new: the first run begins.
    adopted = state.installed;
    marker = state.installed
      ? { step: 'done', details: { adopted: true } }
      : { step: 'install', details: { blank: state.blank, startedAt: new Date().toISOString() } };
    begin = marker;
  }
  const step = STEPS.includes(marker.step) ? marker.step : 'done';
  let install = 'skip';
  if (step === 'install') {
    if (!state.installed) install = 'install';
    // NocoBase's install was stopped half-way: its tables exist, so it would say "installed". What
    // it made is dropped and made again, but only in a database that held nothing before.
    else install = marker.details?.blank ? 'reset' : 'refuse';
  }
  return {
    begin,
    install,
    enable: settings.plugins.filter((name) => !state.enabled.includes(name)),
    demo: settings.demo && before(step, 'logins'),
    logins: before(step, 'done'),
    adopted,
  };
}

/** The marker after `finished` succeeded. */
function next(finished, settings) {
  if (finished === 'install') return 'plugins';
  if (finished === 'plugins') return settings.demo ? 'demo' : 'logins';
  if (finished === 'demo') return 'logins';
  return 'done';
}

module.exports = { STEPS, plan, next };
