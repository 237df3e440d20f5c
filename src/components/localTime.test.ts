// The token view's local date and time: the same text as Date's toLocale*String, from formatters made once (issue 24).
import { afterEach, describe, expect, it, vi } from 'vitest';

const RealDateTimeFormat = Intl.DateTimeFormat;

/** Counts `new Intl.DateTimeFormat(...)` while installed; a fresh copy of the module is imported after it. */
function countFormatters() {
  const made = { count: 0 };
  Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made.count += 1;
      return new target(...args);
    },
  });
  return made;
}

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
  vi.resetModules();
});

describe('localTime', () => {
  it('shows what toLocaleString and toLocaleTimeString show', async () => {
    const { formatLocalDateTime, formatLocalTime } = await import('./localTime');
    const at = Date.UTC(2026, 11, 7, 4, 5, 6);
    expect(formatLocalDateTime(at)).toBe(new Date(at).toLocaleString());
    expect(formatLocalTime(at)).toBe(new Date(at).toLocaleTimeString());
  });

  it('makes each formatter once: prepareLocalTimeFormats makes both, formatting after it makes none', async () => {
    const made = countFormatters();
    vi.resetModules();
    const { formatLocalDateTime, formatLocalTime, prepareLocalTimeFormats } = await import('./localTime');
    prepareLocalTimeFormats();
    expect(made.count).toBe(2);
    for (let i = 0; i < 5; i += 1) {
      formatLocalDateTime(i * 1000);
      formatLocalTime(i * 1000);
    }
    expect(made.count).toBe(2);
  });
});
