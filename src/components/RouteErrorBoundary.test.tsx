import { render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouteErrorBoundary } from './RouteErrorBoundary';

function Boom(): never {
  throw new Error('render failed with client_secret=do-not-show-me');
}

describe('RouteErrorBoundary', () => {
  // React reports errors caught by boundaries on the console; silence it for these tests only.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renders "We hit an issue" as an alert with a redacted reason', () => {
    const router = createMemoryRouter([{ path: '/', element: <Boom />, errorElement: <RouteErrorBoundary /> }]);
    render(<RouterProvider router={router} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('We hit an issue');
    expect(alert).toHaveTextContent('client_secret=[redacted]');
    expect(alert).not.toHaveTextContent('do-not-show-me');
    expect(screen.getByRole('link', { name: 'Back to home' })).toHaveAttribute('href', '/');
  });

  it('describes route error responses by status', () => {
    const router = createMemoryRouter([
      {
        path: '/',
        loader: () => {
          throw new Response('gone', { status: 410, statusText: 'Gone' });
        },
        element: <p>never</p>,
        errorElement: <RouteErrorBoundary />,
      },
    ]);
    render(<RouterProvider router={router} />);
    return screen.findByRole('alert').then((alert) => expect(alert).toHaveTextContent('410 Gone'));
  });
});
