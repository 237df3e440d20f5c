// ColorCodedURL: base, separators, names, values and placeholders each get their own kind, and nothing is lost.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColorCodedURL, tokenizeUrl } from './ColorCodedURL';

describe('tokenizeUrl', () => {
  it('splits a URL with a query into base, separators, names and values', () => {
    expect(tokenizeUrl('https://as.example.com/token?a=1&b=two')).toEqual([
      { kind: 'base', text: 'https://as.example.com/token' },
      { kind: 'separator', text: '?' },
      { kind: 'name', text: 'a' },
      { kind: 'separator', text: '=' },
      { kind: 'value', text: '1' },
      { kind: 'separator', text: '&' },
      { kind: 'name', text: 'b' },
      { kind: 'separator', text: '=' },
      { kind: 'value', text: 'two' },
    ]);
  });

  it('marks <placeholders> in the base and in values', () => {
    const parts = tokenizeUrl('https://auth.pingone.com/<environment-id>/as/token?x=<value>');
    expect(parts.filter((p) => p.kind === 'placeholder').map((p) => p.text)).toEqual(['<environment-id>', '<value>']);
  });

  it.each(['https://a.example/p', 'https://a.example/p?', 'https://a.example/p?flag&x==y', '<token-endpoint>', ''])(
    'renders %j exactly as written',
    (url) => {
      expect(tokenizeUrl(url).map((p) => p.text).join('')).toBe(url);
    },
  );
});

describe('ColorCodedURL', () => {
  it('renders each part with its kind, placeholders included', () => {
    render(<ColorCodedURL url="https://auth.pingone.com/<environment-id>/as/token" />);
    expect(screen.getByText('<environment-id>')).toHaveAttribute('data-kind', 'placeholder');
    expect(screen.getByText('https://auth.pingone.com/')).toHaveAttribute('data-kind', 'base');
  });
});
