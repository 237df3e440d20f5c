// Log text escaping: one record per line whatever a request or an upstream carries.
import { describe, expect, it } from 'vitest';

import { escapeForLog, logLine } from './logText.js';

describe('escapeForLog / logLine', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\r\\nb'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['C1\u009bcsi', 'C1\\u009bcsi'],
    ['already \\n escaped', 'already \\\\n escaped'],
    ['plain client-id_1.~', 'plain client-id_1.~'],
    ['https://host/path', 'https://host/path'],
  ])('%j → %j', (input, expected) => {
    expect(escapeForLog(input)).toBe(expected);
  });

  it('escapes interpolated values only, not the literal parts', () => {
    expect(logLine`refused (${'x\ny'}):\t${42}`).toBe('refused (x\\ny):\t42');
  });
});
