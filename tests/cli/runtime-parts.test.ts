import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedArgs } from '../../src/cli/args';
import { resolveArmTarget } from '../../src/cli/azure/target';
import { confirm } from '../../src/cli/confirm';
import { UsageError } from '../../src/cli/errors';
import { printer, type CliIo } from '../../src/cli/io';
import { Progress } from '../../src/cli/output/progress';
import { createStyle } from '../../src/cli/output/style';
import { emulatorTimeDriver, realTimeDriver, virtualTimeDriver } from '../../src/cli/runtime/time-driver';
import { VirtualClock } from '../../src/emulator';

const args = (options: Record<string, string>): ParsedArgs => ({ positionals: [], options });

describe('time drivers', () => {
  it('real time: the host\'s wish to advance is turned into a sleep until then; the clock itself never jumps', async () => {
    let now = 1_000;
    const slept: number[] = [];
    const driver = realTimeDriver({ now: () => now, sleep: async (ms) => void slept.push(ms) });
    driver.clock.advanceTo?.(61_000);
    driver.clock.advanceTo?.(31_000);
    assert.equal(driver.clock.now(), 1_000);
    assert.equal(await driver.waitForWish(), true);
    assert.deepEqual(slept, [30_000], 'the earliest timer');
    assert.equal(await driver.waitForWish(), false, 'no wish left');
    now = 40_000;
    driver.clock.advanceTo?.(35_000);
    await driver.waitForWish();
    assert.deepEqual(slept, [30_000, 0], 'a wish already in the past sleeps 0');
  });

  it('emulator: the wish moves the emulator\'s clock (admin route), never backwards', async () => {
    let emulatorNow = 5_000;
    const advanced: number[] = [];
    const driver = emulatorTimeDriver({
      read: async () => emulatorNow,
      advance: async (ms) => {
        advanced.push(ms);
        emulatorNow += ms;
        return emulatorNow;
      },
    });
    await driver.sync();
    assert.equal(driver.clock.now(), 5_000);
    driver.clock.advanceTo?.(65_000);
    assert.equal(await driver.waitForWish(), true);
    assert.deepEqual(advanced, [60_000]);
    assert.equal(driver.clock.now(), 65_000);
    await driver.sleep(1_500);
    assert.equal(driver.clock.now(), 66_500, 'ARM client waits are emulated too');
  });

  it('virtual: the shared VirtualClock jumps at once', async () => {
    const clock = new VirtualClock(0);
    const driver = virtualTimeDriver(clock);
    driver.clock.advanceTo?.(30 * 60_000);
    assert.equal(clock.now(), 30 * 60_000);
    assert.equal(await driver.waitForWish(), false);
    await driver.sleep(10_000);
    assert.equal(clock.now(), 30 * 60_000 + 10_000);
  });
});

describe('ARM target from --endpoint / --ca', () => {
  it('no --endpoint: Azure; a loopback endpoint: the emulator with its fixed token; elsewhere without --ca: Azure', async () => {
    const azure = await resolveArmTarget(args({}), {});
    assert.deepEqual([azure.kind, azure.endpoint], ['azure', 'https://management.azure.com']);
    const emu = await resolveArmTarget(args({ endpoint: 'https://127.0.0.1:8443/' }), {});
    assert.deepEqual([emu.kind, emu.endpoint], ['emulator', 'https://127.0.0.1:8443']);
    assert.equal((await emu.credential().getToken('x'))?.token, 'local-emulator-token');
    const sovereign = await resolveArmTarget(args({ endpoint: 'https://management.chinacloudapi.cn' }), {});
    assert.equal(sovereign.kind, 'azure', 'the emulator token never goes to a non-loopback host without --ca');
    await assert.rejects(resolveArmTarget(args({ endpoint: 'management.azure.com' }), {}), UsageError);
  });
});

function io(answers: (string | undefined)[], tty: boolean): { io: CliIo; err: () => string } {
  let err = '';
  return {
    io: { stdout: { write: () => undefined }, stderr: { write: (s: string) => (err += s) }, env: {}, stdin: { isTTY: tty, readLine: async () => answers.shift() } },
    err: () => err,
  };
}

describe('confirm', () => {
  it('--yes never asks; y/yes confirm; anything else or end of input declines', async () => {
    const a = io([], false);
    assert.equal(await confirm(a.io, printer(a.io), 'Go?', { yes: true, command: 'apply' }), 'yes');
    for (const [answer, expected] of [['y', 'yes'], [' YES ', 'yes'], ['', 'no'], ['n', 'no'], [undefined, 'no']] as const) {
      const t = io([answer], true);
      assert.equal(await confirm(t.io, printer(t.io), 'Go?', { yes: false, command: 'apply' }), expected, String(answer));
      assert.match(t.err(), /Go\? \[y\/N\] /);
    }
  });

  it('no terminal and no --yes: a usage error naming --yes', async () => {
    const t = io(['y'], false);
    await assert.rejects(confirm(t.io, printer(t.io), 'Go?', { yes: false, command: 'migrate' }), (e: unknown) => e instanceof UsageError && /migrate asks for confirmation/.test(e.message) && /--yes/.test(e.hint ?? ''));
  });
});

describe('Progress', () => {
  it('writes one finished line per step when not a terminal (no redraw codes)', async () => {
    let out = '';
    const progress = new Progress({ write: (s: string) => (out += s), isTTY: false }, createStyle(false));
    const value = await progress.step('Scan', async (c) => {
      c.status('reading');
      return 3;
    }, (n) => `${n} found`);
    assert.equal(value, 3);
    await assert.rejects(progress.step('Broken', async () => {
      throw new Error('boom\nsecond line');
    }, () => ''));
    assert.equal(out, '✔ Scan: 3 found\n✖ Broken: boom\n');
  });

  it('animates on a terminal and clears the spinner line before the finished line', async () => {
    let out = '';
    const progress = new Progress({ write: (s: string) => (out += s), isTTY: true }, createStyle(false));
    await progress.step('Wait', async () => 1, () => 'done');
    assert.match(out, /^\r\u001b\[2K. Wait/);
    assert.ok(out.endsWith('\r\u001b[2K✔ Wait: done\n'));
  });
});
