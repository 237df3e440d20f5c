// The playground's zod: configured once on import (zod/mini loads no locale of its own).
import { describe, expect, it } from 'vitest';
import * as z from './zod';

describe('zod, as the playground configures it', () => {
  it("says zod's own messages in English where a schema gives none", () => {
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
    expect(z.string().check(z.maxLength(2)).safeParse('abc').error?.issues[0]?.message).toBe('Too big: expected string to have <=2 characters');
  });

  it('parses without compiling code (jitless: the production CSP has no unsafe-eval)', () => {
    expect(z.config().jitless).toBe(true);
  });
});
