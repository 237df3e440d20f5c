// The scope tokenizer.
import { describe, expect, it } from 'vitest';
import { splitScopes } from './scopes';


describe('splitScopes', () => {
  it('splits on any whitespace, drops empties and duplicates, accepts arrays', () => {
    expect(splitScopes('  a  b\tc a ')).toEqual(['a', 'b', 'c']);
    expect(splitScopes(['a b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitScopes(undefined)).toEqual([]);
    expect(splitScopes('')).toEqual([]);
  });

  it('keeps the first occurrence in order and is case-sensitive (RFC 6749 §3.3)', () => {
    expect(splitScopes('write Read read write')).toEqual(['write', 'Read', 'read']);
  });

  it('de-duplicates long pasted lists too, keeping first-seen order', () => {
    const many = Array.from({ length: 40 }, (_, n) => `s${n % 35}`);
    const split = splitScopes(many.join(' '));
    expect(split).toHaveLength(35);
    expect(split.slice(0, 3)).toEqual(['s0', 's1', 's2']);
    expect(splitScopes(['a b', 'a', 'b\tc'])).toEqual(['a', 'b', 'c']);
  });
});
