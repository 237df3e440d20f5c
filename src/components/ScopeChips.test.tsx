// ScopeChips: Enter, space and comma add; duplicates are ignored; chips are removable by keyboard.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ScopeChips } from './ScopeChips';

function Harness({ initial = [] as string[] }) {
  const [scopes, setScopes] = useState<string[]>(initial);
  return (
    <>
      <label htmlFor="scopes">Scopes</label>
      <ScopeChips id="scopes" value={scopes} onChange={setScopes} />
      <output>{scopes.join('|')}</output>
    </>
  );
}

const value = () => screen.getByRole('status').textContent;

describe('ScopeChips', () => {
  it('adds scopes on Enter, space and comma, ignoring duplicates', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    const input = screen.getByLabelText('Scopes');
    await user.type(input, 'read{Enter}write write,admin ');
    expect(value()).toBe('read|write|admin');
    expect(input).toHaveValue('');
  });

  it('adds a pending scope on blur and splits pasted lists', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Scopes'));
    await user.paste('a b,c');
    await user.type(screen.getByLabelText('Scopes'), 'd');
    await user.tab();
    expect(value()).toBe('a|b|c|d');
  });

  it('removes a chip with its keyboard-focusable button, and the last one with Backspace', async () => {
    render(<Harness initial={['one', 'two', 'three']} />);
    const user = userEvent.setup();
    const remove = screen.getByRole('button', { name: 'Remove scope two' });
    remove.focus();
    await user.keyboard('{Enter}');
    expect(value()).toBe('one|three');
    expect(screen.getByLabelText('Scopes')).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(value()).toBe('one');
  });
});
