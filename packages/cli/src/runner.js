'use strict';
// How `minqing up` runs its steps and shows them:
// - one progress line per step with its time; the commands' own output goes to a log file
//   (storage/logs/minqing-up.log), and to the terminal too with --verbose;
// - every command in a process group of its own, so that a stop reaches all it started (NocoBase's
//   CLI wrapper, its shell and the app) and is waited for; Ctrl-C, SIGTERM and SIGHUP are passed
//   on as SIGTERM (NocoBase's graceful shutdown), a second Ctrl-C or 20 s later as SIGKILL;
// - the groups running are noted in storage/minqing-up.pid, so that a run after the CLI itself was
//   killed (kill -9) stops what that run left behind instead of failing on a busy port.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const STOP_GRACE_MS = 20_000;
const ANSI = /\u001b\[[0-9;]*m/g;

class Stopped extends Error {
  constructor(signal) {
    super(`stopped (${signal})`);
    this.signal = signal;
  }
}

function seconds(ms) {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 90) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function bootId() {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null; // not Linux: leftovers are not looked for
  }
}

/** Processes of process group `group` whose working directory is `cwd` (Linux /proc). */
function groupMembers(group, cwd) {
  const members = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group && fs.readlinkSync(`/proc/${entry}/cwd`) === cwd) members.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return members;
}

class Runner {
  constructor({ root, storage, verbose = false, out = process.stdout }) {
    this.root = root;
    this.verbose = verbose;
    this.out = out;
    this.tty = Boolean(out.isTTY) && !verbose;
    const color = Boolean(out.isTTY) && !process.env.NO_COLOR;
    this.paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
    // a terminal closed or a reader gone: the steps go on, their output still reaches the log
    out.on?.('error', () => {});
    this.groups = new Set();
    this.running = new Set();
    this.stopping = null;
    this.pidFile = path.join(storage, 'minqing-up.pid');
    this.refuseIfRunning(); // before touching the log that run writes
    this.logFile = path.join(storage, 'logs', 'minqing-up.log');
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    // the previous run's log stays beside this one (what a crash left is read after the restart)
    if (fs.existsSync(this.logFile)) fs.renameSync(this.logFile, this.logFile.replace(/\.log$/, '.previous.log'));
    this.log = fs.openSync(this.logFile, 'a');
    this.logText(`minqing up, ${new Date().toISOString()}, pid ${process.pid}\n`);
  }

  logText(text) {
    fs.writeSync(this.log, text);
  }

  print(line = '') {
    this.out.write(`${line}\n`);
    this.logText(`${line.replace(ANSI, '')}\n`);
  }

  /** Runs `fn` as a step: "✓ name  detail  (time)"; `hint` shows while it runs (on a terminal). */
  async step(name, fn, { hint = '' } = {}) {
    const started = Date.now();
    const label = name.padEnd(12);
    this.logText(`\n▶ ${name}\n`);
    if (this.verbose) this.out.write(`\n${this.paint(36, `▶ ${name}`)} ${hint}\n`);
    else if (this.tty) this.out.write(`… ${label} ${hint}`);
    const finish = (mark, detail) => {
      const line = `${mark} ${label} ${detail}  ${this.paint(2, seconds(Date.now() - started))}`;
      if (this.tty) this.out.write('\r\u001b[K');
      this.print(line);
    };
    try {
      const detail = await fn();
      finish(this.paint(32, '✓'), detail ?? '');
      return detail;
    } catch (error) {
      finish(this.paint(31, '✗'), error instanceof Stopped ? 'stopped' : 'failed');
      throw error;
    }
  }

  /**
   * Starts `command` in a process group of its own. Its output goes to the log (and the terminal
   * with --verbose); `onLine` sees every line; `keep` keeps the output; `finish` lets it end when
   * a stop comes (a stop waits for it). Returns { child, done } where done resolves with
   * { code, signal, output } once every process of the group has closed its output.
   */
  start(command, args, { env, onLine, keep = false, finish = false } = {}) {
    if (this.stopping && !finish) throw new Stopped(this.stopping);
    const child = spawn(command, args, { cwd: this.root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // `finish`: a short write that a stop lets end (and waits for) rather than cut
    if (!finish) this.groups.add(child.pid);
    this.notePids();
    let output = '';
    const tail = [];
    let partial = '';
    const take = (chunk) => {
      const text = chunk.toString();
      fs.writeSync(this.log, text);
      if (this.verbose) this.out.write(text);
      if (keep) output += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        onLine?.(line.replace(ANSI, ''));
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const done = new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', async (code, signal) => {
        await this.waitForGroup(child.pid, 2_000);
        this.groups.delete(child.pid);
        this.notePids();
        if (partial) tail.push(partial);
        resolve({ code, signal, output, tail });
      });
    });
    this.running.add(done);
    done.finally(() => this.running.delete(done)).catch(() => {});
    return { child, done };
  }

  /** Runs a command to its end; throws (with the last lines of its output) if it fails. */
  async run(command, args, options = {}) {
    const result = await this.start(command, args, options).done;
    if (this.stopping && !options.finish) throw new Stopped(this.stopping);
    if (result.code !== 0) {
      const why = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
      const error = new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed (${why})`);
      error.tail = result.tail;
      throw error;
    }
    return result;
  }

  /** Resolves once every command started has ended (after a stop: once they have shut down). */
  async drain() {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  async waitForGroup(group, ms) {
    const deadline = Date.now() + ms;
    while (alive(-group) && Date.now() < deadline) await sleep(100);
    return !alive(-group);
  }

  signalGroups(signal) {
    for (const group of this.groups) {
      try {
        process.kill(-group, signal);
      } catch {
        // already gone
      }
    }
  }

  /**
   * Ctrl-C, SIGTERM, SIGHUP: stop every group gracefully; a second one, or 20 s, kills them. Under
   * `npm run app` one Ctrl-C arrives twice (from the terminal, and passed on by npm): a signal
   * within a second of the first is the same stop.
   */
  handleSignals(onIdleStop) {
    let first = 0;
    const stop = (signal) => {
      if (this.stopping) {
        if (Date.now() - first > 1_000) this.signalGroups('SIGKILL');
        return;
      }
      first = Date.now();
      this.stopping = signal;
      if (this.groups.size === 0) return onIdleStop(signal);
      if (this.tty) this.out.write('\r\u001b[K');
      this.print(`stopping (${signal})…`);
      this.signalGroups('SIGTERM');
      setTimeout(() => this.signalGroups('SIGKILL'), STOP_GRACE_MS).unref();
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  }

  notePids() {
    if (this.groups.size === 0) {
      fs.rmSync(this.pidFile, { force: true });
      return;
    }
    const note = { cli: process.pid, groups: [...this.groups], boot: bootId(), root: this.root };
    fs.writeFileSync(this.pidFile, JSON.stringify(note));
  }

  /** The note of an earlier run that was written since the last boot, or null. */
  readNote() {
    let note = null;
    try {
      note = JSON.parse(fs.readFileSync(this.pidFile, 'utf8'));
    } catch {
      return null; // none, or unreadable
    }
    const boot = bootId();
    return boot && note.boot === boot ? note : null; // from before a reboot: nothing of it runs
  }

  /** An earlier `minqing up` whose CLI still runs with this storage: Minqing is already running. */
  refuseIfRunning() {
    const note = this.readNote();
    let cmdline = '';
    try {
      cmdline = note ? fs.readFileSync(`/proc/${note.cli}/cmdline`, 'utf8') : '';
    } catch {
      // gone
    }
    if (cmdline.includes('minqing') && note.cli !== process.pid) {
      throw new Error(`Minqing is already running from this folder (process ${note.cli}); stop it first`);
    }
  }

  /**
   * What an earlier run left when its CLI was killed (kill -9): its process groups, stopped here.
   * Returns the number of processes stopped.
   */
  async stopLeftovers() {
    const note = this.readNote();
    if (!note) {
      fs.rmSync(this.pidFile, { force: true });
      return 0;
    }
    const members = note.groups.flatMap((group) => groupMembers(group, this.root));
    for (const pid of members) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone
      }
    }
    const deadline = Date.now() + STOP_GRACE_MS;
    while (members.some(alive) && Date.now() < deadline) await sleep(200);
    for (const pid of members.filter(alive)) process.kill(pid, 'SIGKILL');
    fs.rmSync(this.pidFile, { force: true });
    return members.length;
  }

  close() {
    fs.closeSync(this.log);
  }
}

module.exports = { Runner, Stopped, seconds };
