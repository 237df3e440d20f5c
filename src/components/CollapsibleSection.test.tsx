import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CollapsibleSection } from './CollapsibleSection';
import { InfoBox } from './InfoBox';
import { PageTitle } from './PageTitle';
import { Spinner } from './Spinner';

describe('CollapsibleSection', () => {
  it('toggles its body with a button that reports aria-expanded', async () => {
    const user = userEvent.setup();
    render(
      <CollapsibleSection title="Why are the granted scopes different?">
        <p>Because the server decides.</p>
      </CollapsibleSection>,
    );
    const toggle = screen.getByRole('button', { name: /Why are the granted scopes different/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Because the server decides.')).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Because the server decides.')).toBeVisible();
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toContainElement(screen.getByText('Because the server decides.'));
  });

  it('forceOpen shows the body without remounting it, so the field being typed in keeps its focus', async () => {
    const user = userEvent.setup();
    const section = (forceOpen: boolean) => (
      <CollapsibleSection title="Advanced" forceOpen={forceOpen}>
        <label>
          Refresh <input />
        </label>
        <label>
          Skew <input />
        </label>
      </CollapsibleSection>
    );
    const { rerender } = render(section(false));
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    const skew = screen.getByLabelText('Skew');
    await user.click(skew);
    rerender(section(true)); // a field inside now has an error
    expect(screen.getByLabelText('Skew')).toBe(skew);
    expect(skew).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Advanced' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('small components', () => {
  it('InfoBox renders its variant, title and role', () => {
    render(
      <InfoBox variant="security" title="Keep it secret" role="note">
        body
      </InfoBox>,
    );
    const box = screen.getByRole('note');
    expect(box).toHaveClass('info-box--security');
    expect(box).toHaveTextContent('Keep it secret');
  });

  it('PageTitle renders an h1 and sets the document title', () => {
    render(<PageTitle title="Client Credentials" subtitle="Step by step" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Client Credentials' })).toBeInTheDocument();
    expect(document.title).toBe('Client Credentials · OAuth M2M Playground');
  });

  it('Spinner is hidden unless labelled', () => {
    const { container, rerender } = render(<Spinner />);
    expect(container.querySelector('.spinner')).toHaveAttribute('aria-hidden', 'true');
    rerender(<Spinner label="Loading the flow…" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the flow…');
  });
});
