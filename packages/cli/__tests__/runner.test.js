'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { Runner } = require('../src/runner');

const root = path.resolve(__dirname, '../../..');
const linux = fs.existsSync('/proc/sys/kernel/random/boot_id');
const bootId = () => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

function terminal() {
  let text = '';
  return { write: (chunk) => (text += chunk), on: () => {}, text: () => text, isTTY: false };
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what, test, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('how minqing up runs and shows its steps', () => {
  let storage;
  const started = [];
  beforeEach(() => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-runner-'));
  });
  afterEach(() => {
    for (const child of started.splice(0)) if (alive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    fs.rmSync(storage, { recursive: true, force: true });
  });
  const runner = (out = terminal()) => new Runner({ root, storage, out });

  it('prints one line per step with its time (no colours off a terminal) and keeps the output in the log', async () => {
    const out = terminal();
    const r = runner(out);
    await r.step('build', async () => {
      await r.run('node', ['-e', 'console.log("noise of the step")']);
      return '6 plugins built';
    });
    r.close();
    expect(out.text()).toMatch(/^✓ build {8}6 plugins built {2}\d+\.\d s\n$/);
    const log = fs.readFileSync(path.join(storage, 'logs', 'minqing-up.log'), 'utf8');
    expect(log).toContain('▶ build\nnoise of the step\n');
    expect(log).toContain('✓ build');
  });

  it('fails a step with the end of the command’s output', async () => {
    const out = terminal();
    const r = runner(out);
    const failing = r.step('database', () =>
      r.run('node', ['-e', 'console.log("first"); console.error("why it failed"); process.exit(3)']),
    );
    await expect(failing).rejects.toMatchObject({
      message: expect.stringContaining('exit code 3'),
      tail: ['first', 'why it failed'],
    });
    expect(out.text()).toMatch(/^✗ database {5}failed/);
    r.close();
  });

  (linux ? it : it.skip)('stops the process groups a killed run left behind, and only those', async () => {
    const leftover = spawn('sleep', ['30'], { cwd: root, detached: true, stdio: 'ignore' });
    const elsewhere = spawn('sleep', ['30'], { cwd: os.tmpdir(), detached: true, stdio: 'ignore' });
    started.push(leftover, elsewhere);
    // the note of a run whose CLI is gone (its pid taken by nothing running)
    const note = { cli: 2 ** 22 + 1, groups: [leftover.pid, elsewhere.pid], boot: bootId(), root };
    fs.writeFileSync(path.join(storage, 'minqing-up.pid'), JSON.stringify(note));
    const r = runner();
    expect(await r.stopLeftovers()).toBe(1);
    await until('the leftover to be gone', () => !alive(leftover.pid));
    expect(alive(elsewhere.pid)).toBe(true); // not started from this repository: not ours to stop
    expect(fs.existsSync(path.join(storage, 'minqing-up.pid'))).toBe(false);
    r.close();
  });

  (linux ? it : it.skip)('refuses to start while another minqing up of the same storage runs', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', 'minqing.js'], {
      detached: true,
      stdio: 'ignore',
    });
    started.push(other);
    await until('the other run', () => fs.readFileSync(`/proc/${other.pid}/cmdline`, 'utf8').includes('minqing'));
    fs.writeFileSync(
      path.join(storage, 'minqing-up.pid'),
      JSON.stringify({ cli: other.pid, groups: [], boot: bootId(), root }),
    );
    expect(() => runner()).toThrow(`Minqing is already running from this folder (process ${other.pid})`);
    // a note from before a reboot means nothing
    fs.writeFileSync(
      path.join(storage, 'minqing-up.pid'),
      JSON.stringify({ cli: other.pid, groups: [], boot: 'another boot', root }),
    );
    runner().close();
  });

  it('on a stop, ends the running step’s process group gracefully but lets a marker write finish', async () => {
    const r = runner();
    let idle = null;
    r.handleSignals((signal) => (idle = signal));
    const step = r.start(
      'node',
      [
        '-e',
        'process.on("SIGTERM", () => { console.log("graceful"); process.exit(0) }); setTimeout(() => {}, 30000); console.log("step-is-ready")',
      ],
      {
        keep: true,
      },
    );
    const write = r.start('node', ['-e', 'setTimeout(() => console.log("written"), 1500)'], {
      keep: true,
      finish: true,
    });
    await until('the step to be up', () => fs.readFileSync(r.logFile, 'utf8').includes('step-is-ready'));
    process.emit('SIGINT', 'SIGINT');
    const [stepped, wrote] = await Promise.all([step.done, write.done]);
    expect(stepped.output).toContain('graceful');
    expect(wrote.output).toContain('written');
    expect(r.stopping).toBe('SIGINT');
    expect(idle).toBeNull();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
    r.close();
  });
});
