// Local date and time as the token view shows them (expiry, history), from formatters made once. Making a formatter
// loads the locale's ICU data: measured at 15–29 ms the first time in Chromium, inside the render of the first token
// (issue 24). prepareLocalTimeFormats() makes them in an idle period before anyone asks for a token.

let dateTimeFormat: Intl.DateTimeFormat | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;

/**
 * What `Date.prototype.toLocaleString()` shows: its defaults are numeric year, month, day, hour, minute and second.
 * @see https://tc39.es/ecma402/#sup-date.prototype.tolocalestring
 */
function dateTimeFormatter(): Intl.DateTimeFormat {
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return dateTimeFormat;
}

/**
 * What `Date.prototype.toLocaleTimeString()` shows: numeric hour, minute and second.
 * @see https://tc39.es/ecma402/#sup-date.prototype.tolocaletimestring
 */
function timeFormatter(): Intl.DateTimeFormat {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return timeFormat;
}

/** The reader's local date and time of `epochMs`. */
export function formatLocalDateTime(epochMs: number): string {
  return dateTimeFormatter().format(epochMs);
}

/** The reader's local time of day of `epochMs`. */
export function formatLocalTime(epochMs: number): string {
  return timeFormatter().format(epochMs);
}

/** Makes both formatters and formats once with each (the first format call loads more of the locale's data). */
export function prepareLocalTimeFormats(): void {
  formatLocalDateTime(0);
  formatLocalTime(0);
}
