// Timers declared by modules (AppModule.schedules): clean-ups and other periodic work. The system
// runs each schedule on a timer of its own, unref'd (it never keeps the process alive), and clears
// them all on close. A run that fails is logged through the logger's err serializer (no bound
// values, no personal data) and the next tick runs again; a run still going when its next tick
// comes is not started twice.
import type { Deps } from './context.js';

export interface Schedule {
  /** Stable and unique, "<module>.<what>" (log lines name it). */
  name: string;
  /** Milliseconds between runs; the first run is one interval after start. */
  everyMs: number;
  /** The work, with the system clock's time at the tick. */
  run(deps: Deps, now: Date): Promise<void>;
}

export const HOUR_MS = 3_600_000;

export interface Scheduler {
  /** Names and intervals of the running schedules, in start order. */
  readonly schedules: readonly { name: string; everyMs: number }[];
  /** One run of the named schedule now, as its timer would start it (joins a run in flight). */
  run(name: string): Promise<void>;
  /** Resolves when no run is in flight. */
  idle(): Promise<void>;
  /** Clears every timer and waits for the runs in flight. */
  stop(): Promise<void>;
}

export function startSchedules(list: readonly Schedule[], deps: Deps): Scheduler {
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.name)) throw new Error(`schedule "${s.name}" is declared twice`);
    if (!Number.isInteger(s.everyMs) || s.everyMs < 1000) throw new Error(`schedule "${s.name}": everyMs must be a whole number ≥ 1000`);
    seen.add(s.name);
  }
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;

  const run = (s: Schedule): Promise<void> => {
    const running = inFlight.get(s.name);
    if (running) return running;
    if (stopped) return Promise.resolve();
    const started = Date.now();
    const p = Promise.resolve()
      .then(() => s.run(deps, deps.clock.now()))
      .then(
        () => deps.log.debug({ schedule: s.name, ms: Date.now() - started }, 'scheduled job done'),
        (err: unknown) => deps.log.error({ schedule: s.name, err }, 'scheduled job failed'),
      )
      .finally(() => inFlight.delete(s.name));
    inFlight.set(s.name, p);
    return p;
  };

  const timers = list.map((s) => {
    const t = setInterval(() => void run(s), s.everyMs);
    t.unref();
    return t;
  });

  const idle = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight.values());
  };

  return {
    schedules: list.map((s) => ({ name: s.name, everyMs: s.everyMs })),
    run(name) {
      const s = list.find((x) => x.name === name);
      if (!s) throw new Error(`no schedule "${name}"`);
      return run(s);
    },
    idle,
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await idle();
    },
  };
}
