// SecretInput: masked by default, toggled by a named button, with no autocomplete.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SecretInput } from './SecretInput';

describe('SecretInput', () => {
  it('is a password field until shown, and the toggle says what it does', async () => {
    render(
      <>
        <label htmlFor="s">Client secret</label>
        <SecretInput id="s" revealName="client secret" defaultValue="hunter2" />
      </>,
    );
    const input = screen.getByLabelText('Client secret');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'off');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show client secret' }));
    expect(input).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide client secret' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Hide client secret' }));
    expect(input).toHaveAttribute('type', 'password');
  });
});
