import { pausedAt, pausedDeadline, pausedMillis, type ClockPause } from './clock';

const DAY = 86_400_000;
const d = (day: number) => new Date(Date.UTC(2026, 2, day)).toISOString(); // March 2026
const pause = (from: number, to: number | null): ClockPause => ({ from: d(from), endedAt: to === null ? null : d(to) });

describe('the journey clock stands still during pauses', () => {
  it('no pause: the deadline is unchanged (the same string)', () => {
    const at = '2026-03-15T09:00:00Z';
    expect(pausedDeadline([], d(1), at)).toBe(at);
    expect(pausedDeadline([pause(20, 25)], d(1), at)).toBe(at); // after the deadline
    expect(pausedDeadline([pause(1, 3)], d(5), at)).toBe(at); // over before the clock started
  });

  it('a pause between the start and the deadline is added to it', () => {
    expect(pausedDeadline([pause(5, 12)], d(1), d(10))).toBe(d(17));
  });

  it('a running pause holds the deadline', () => {
    expect(pausedDeadline([pause(5, null)], d(1), d(10))).toBeNull();
  });

  it('a clock started during a pause runs from its end', () => {
    // started on the 7th, 3 days of clock: the pause (5th–12th) covered 5 of them → due on the 15th
    expect(pausedDeadline([pause(5, 12)], d(7), d(10))).toBe(d(15));
    expect(pausedDeadline([pause(5, null)], d(7), d(10))).toBeNull();
  });

  it('a deadline pushed past a later pause gets that one too', () => {
    // due on the 10th; pause 5–8 pushes it to the 13th, into the pause 12–20, which adds 8 days more → the 21st
    expect(pausedDeadline([pause(5, 8), pause(12, 20)], d(1), d(10))).toBe(d(21));
  });

  it('overlapping pauses (an absence during a suspension) count once', () => {
    expect(pausedDeadline([pause(5, 12), pause(8, 15)], d(1), d(10))).toBe(d(20));
    expect(pausedDeadline([pause(5, 15), pause(8, 10)], d(1), d(10))).toBe(d(20));
  });

  it('measures paused time and tells whether a pause runs', () => {
    expect(pausedMillis([pause(5, 12)], d(1), d(31))).toBe(7 * DAY);
    expect(pausedMillis([pause(5, null)], d(1), d(10))).toBe(5 * DAY);
    expect(pausedMillis([pause(5, 12), pause(10, 14)], d(6), d(31))).toBe(8 * DAY);
    expect(pausedAt([pause(5, 12)], d(6))).toBe(true);
    expect(pausedAt([pause(5, 12)], d(12))).toBe(false);
    expect(pausedAt([pause(5, null)], d(30))).toBe(true);
  });
});
