// Test-only Clock with virtual time: timers fire when the code under test is otherwise idle, so nothing waits.
import type { Clock } from '../../src/utils/clock';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Real macrotask turns given to in-process I/O (msw, streams) before virtual time moves on. */
const IDLE_TURNS = 10;

const turn = () => new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));

/** What setTimeout can wait: a longer delay fires almost at once on every platform, and so it does here. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * A Clock whose time only moves when {@link advance} or {@link run} moves it. `run(promise)` lets the promise make
 * progress on real I/O, and whenever it is idle jumps to the next timer — so a 15 s timeout or a 60 s Retry-After
 * costs no real time, while a server answering "now" is never beaten by a timer.
 */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();
  /** Every delay ever scheduled, in order (for assertions). */
  readonly scheduled: number[] = [];

  constructor(start = Date.UTC(2030, 0, 1, 12, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    const delay = ms > MAX_DELAY_MS ? 1 : Math.max(0, ms);
    this.timers.set(id, { at: this.current + delay, seq: id, callback });
    this.scheduled.push(ms);
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Pending timer count. */
  get pending(): number {
    return this.timers.size;
  }

  private fireNext(limit = Number.POSITIVE_INFINITY): boolean {
    let next: [number, Timer] | undefined;
    for (const entry of this.timers) {
      if (entry[1].at > limit) continue;
      if (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[1].seq < next[1].seq)) next = entry;
    }
    if (!next) return false;
    this.timers.delete(next[0]);
    this.current = Math.max(this.current, next[1].at);
    next[1].callback();
    return true;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    while (this.fireNext(target));
    this.current = target;
  }

  /** Moves time forward by `ms` like {@link advance}, letting promise chains settle after each timer fires. */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.current + ms;
    await turn();
    while (this.fireNext(target)) await turn();
    this.current = target;
  }

  /** Drives `promise` to completion on virtual time. */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      for (let i = 0; i < IDLE_TURNS && !settled; i++) await turn();
      if (settled) return promise;
      if (!this.fireNext()) {
        // Nothing scheduled: give real I/O (a sandbox on a socket) more time before declaring a deadlock.
        for (let i = 0; i < 200 && !settled && this.timers.size === 0; i++) await turn();
        if (!settled && this.timers.size === 0) return promise;
      }
    }
  }
}
