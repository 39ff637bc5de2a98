/**
 * A clock for integration tests: real time plus an offset, whose timers also fire on their own in real
 * time; `advance(ms)` moves time forward and runs every timer that became due, in order.
 */
import type { Clock, ClockTimer } from '../../../server/clock';

interface Pending {
  due: number;
  fn: () => void;
  real: NodeJS.Timeout;
}

export class TestClock implements Clock {
  private offset = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Pending>();

  readonly now = (): number => Date.now() + this.offset;

  readonly setTimeout = (fn: () => void, ms: number): ClockTimer => {
    const id = this.nextId++;
    const real = setTimeout(() => this.fire(id), Math.max(0, ms));
    real.unref();
    this.timers.set(id, { due: this.now() + ms, fn, real });
    return id as unknown as ClockTimer;
  };

  readonly clearTimeout = (timer: ClockTimer): void => {
    const id = timer as unknown as number;
    const t = this.timers.get(id);
    if (t) clearTimeout(t.real);
    this.timers.delete(id);
  };

  /** Moves time forward by `ms` and runs the timers now due (and those they set that are due too). */
  advance(ms: number): void {
    this.offset += ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.due <= this.now()).sort((a, b) => a[1].due - b[1].due)[0];
      if (!due) return;
      clearTimeout(due[1].real);
      this.fire(due[0]);
    }
  }

  private fire(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    this.timers.delete(id);
    t.fn();
  }
}
