// The schedules modules declare (AppModule.schedules): when they run, what a failure leaves in the
// log, and that stopping the system stops them.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from './clock.js';
import type { Deps } from './context.js';
import { createLogger } from './logger.js';
import { startSchedules, type Schedule } from './schedules.js';

const MINUTE = 60_000;

function fakeDeps() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const clock = new ManualClock('2026-12-01T01:00:00Z');
  const deps = { clock, log: createLogger('info', sink) } as unknown as Deps;
  return { deps, clock, lines };
}

describe('module schedules', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('run every interval with the clock of the system, not before', async () => {
    const { deps, clock } = fakeDeps();
    const seen: string[] = [];
    const s = startSchedules([{ name: 'x.prune', everyMs: 60 * MINUTE, run: async (_d, now) => void seen.push(now.toISOString()) }], deps);
    vi.advanceTimersByTime(59 * MINUTE);
    await s.idle();
    expect(seen).toEqual([]);
    clock.set('2026-12-03T08:00:00Z');
    vi.advanceTimersByTime(MINUTE);
    await s.idle();
    expect(seen).toEqual(['2026-12-03T08:00:00.000Z']);
    for (const _ of [1, 2]) {
      vi.advanceTimersByTime(60 * MINUTE);
      await s.idle();
    }
    expect(seen).toHaveLength(3);
    await s.stop();
  });

  it('log a failure without the values it carried, and run again at the next tick', async () => {
    const { deps, lines } = fakeDeps();
    let calls = 0;
    const failing: Schedule = {
      name: 'x.failing',
      everyMs: MINUTE,
      run: async () => {
        calls++;
        throw new Error('Failed query: delete from "registrations" where "id_number" = $1\nparams: 001090000001');
      },
    };
    const s = startSchedules([failing], deps);
    vi.advanceTimersByTime(MINUTE);
    await s.idle();
    vi.advanceTimersByTime(MINUTE);
    await s.idle();
    expect(calls).toBe(2);
    const errors = lines.filter((l) => l.msg === 'scheduled job failed');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ level: 50, schedule: 'x.failing' });
    expect(JSON.stringify(errors)).not.toContain('001090000001');
    await s.stop();
  });

  it('never start a run while the previous one is still going', async () => {
    const { deps } = fakeDeps();
    let running = 0;
    let most = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = startSchedules(
      [
        {
          name: 'x.slow',
          everyMs: MINUTE,
          run: async () => {
            running++;
            most = Math.max(most, running);
            await gate;
            running--;
          },
        },
      ],
      deps,
    );
    vi.advanceTimersByTime(5 * MINUTE);
    release();
    await s.idle();
    expect(most).toBe(1);
    await s.stop();
  });

  it('stop: no timer is left, and the run in flight is waited for', async () => {
    const { deps } = fakeDeps();
    let done = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = startSchedules(
      [
        { name: 'a.one', everyMs: MINUTE, run: async () => void (await gate, done++) },
        { name: 'b.two', everyMs: 2 * MINUTE, run: async () => void done++ },
      ],
      deps,
    );
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(MINUTE);
    const stopped = s.stop();
    expect(vi.getTimerCount()).toBe(0);
    release();
    await stopped;
    expect(done).toBe(1);
    vi.advanceTimersByTime(10 * MINUTE);
    await s.idle();
    expect(done).toBe(1);
  });

  it('are unref’d: they never keep the process alive', () => {
    const { deps } = fakeDeps();
    const spy = vi.spyOn(globalThis, 'setInterval');
    const s = startSchedules([{ name: 'x.one', everyMs: MINUTE, run: async () => {} }], deps);
    const timer = spy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
    void s.stop();
  });

  it('refuse two schedules of the same name and intervals under a second', () => {
    const { deps } = fakeDeps();
    const one: Schedule = { name: 'x.same', everyMs: MINUTE, run: async () => {} };
    expect(() => startSchedules([one, { ...one }], deps)).toThrow(/declared twice/);
    expect(() => startSchedules([{ ...one, everyMs: 10 }], deps)).toThrow(/everyMs/);
  });
});
