// The response warnings note: nothing when there is nothing to say; each message as text, markup included.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResponseWarnings } from './ResponseWarnings';

describe('ResponseWarnings', () => {
  it('renders nothing without warnings', () => {
    const { container } = render(<ResponseWarnings warnings={undefined} />);
    render(<ResponseWarnings warnings={[]} />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('lists each warning as text, so a server string with markup stays text', () => {
    const hostile = 'Content-Type "text/html<img src=x onerror=alert(1)>" is not application/json (RFC 6749 §5.1).';
    render(<ResponseWarnings warnings={[{ code: 'content-type', message: hostile }, { code: 'charset', message: 'charset "utf-7"' }]} />);
    const items = screen.getByRole('list', { name: 'Response warnings' }).querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual([hostile, 'charset "utf-7"']);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(/RFC 6749 §5.1/);
  });
});
