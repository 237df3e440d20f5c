import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfigBanner } from './ConfigBanner';

describe('ConfigBanner', () => {
  it('renders nothing without issues', () => {
    const { container } = render(<ConfigBanner issues={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists each field with its source in an alert', async () => {
    const onShow = vi.fn();
    render(
      <ConfigBanner
        onShowConfiguration={onShow}
        issues={[
          { path: 'oauth.clientCredentials.scopes', source: 'settings.json', severity: 'error', message: 'each scope must be one token' },
          { path: 'provider.client_secret', source: 'localStorage', severity: 'warning', message: 'Ignored: secrets are never read' },
        ]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('1 setting was invalid');
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('oauth.clientCredentials.scopes from settings.json: each scope must be one token');
    expect(items[1]).toHaveTextContent('provider.client_secret from localStorage');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show configuration' }));
    expect(onShow).toHaveBeenCalled();
  });
});
