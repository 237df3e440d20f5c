// The log drawer: toggle, filters by module and level, redacted JSON export through an object URL, clear.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../tests/support/virtualClock';
import { createLogger } from '../utils/logger';
import { LogDrawer } from './LogDrawer';

const SECRET = 'super-secret-client-secret-value';

function seededLogger() {
  const store = createLogger({ clock: new VirtualClock(Date.UTC(2025, 0, 1, 12)) });
  store.child('CC').info('token acquired', { client_secret: SECRET });
  store.child('CC').error(`token request failed client_secret=${SECRET}`);
  store.child('cache').debug('refresh scheduled in 3510s');
  store.child('pingone').warn('403 on devices');
  return store;
}

async function flush() {
  // The logger notifies subscribers in a microtask.
  await act(async () => {});
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LogDrawer', () => {
  it('toggles with the Logs button (aria-expanded)', async () => {
    const user = userEvent.setup();
    render(<LogDrawer store={seededLogger()} />);
    const toggle = screen.getByRole('button', { name: 'Logs' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Log entries' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(await screen.findByRole('list', { name: 'Log entries' })).getAllByRole('listitem')).toHaveLength(4);
  });

  it('shows [emoji TAG] message lines, redacted', async () => {
    render(<LogDrawer store={seededLogger()} defaultOpen />);
    const list = await screen.findByRole('list', { name: 'Log entries' });
    expect(list).toHaveTextContent('[🔐 CC] token acquired');
    expect(list.textContent).not.toContain(SECRET);
  });

  it('filters by module and by level', async () => {
    const user = userEvent.setup();
    render(<LogDrawer store={seededLogger()} defaultOpen />);
    await user.selectOptions(await screen.findByLabelText('Module'), 'CC');
    let items = within(screen.getByRole('list', { name: 'Log entries' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Level'), 'error');
    items = within(screen.getByRole('list', { name: 'Log entries' })).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('token request failed');
    await user.selectOptions(screen.getByLabelText('Module'), '');
    await user.selectOptions(screen.getByLabelText('Level'), 'warn');
    items = within(screen.getByRole('list', { name: 'Log entries' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('token request failed'), expect.stringContaining('403 on devices')]);
  });

  it('exports the redacted buffer as a JSON file through an object URL', async () => {
    const user = userEvent.setup();
    let blob: Blob | undefined;
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:log';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<LogDrawer store={seededLogger()} defaultOpen />);

    await user.click(await screen.findByRole('button', { name: 'Export JSON' }));
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^m2m-playground-log-.*\.json$/);
    expect(blob?.type).toBe('application/json');
    const text = await blob!.text();
    expect(text).not.toContain(SECRET);
    const parsed = JSON.parse(text) as Array<{ module: string; message: string }>;
    expect(parsed).toHaveLength(4);
    expect(parsed[0]).toMatchObject({ module: 'CC', message: 'token acquired' });
    await vi.waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:log'));
  });

  it('clears the buffer', async () => {
    const user = userEvent.setup();
    const store = seededLogger();
    render(<LogDrawer store={store} defaultOpen />);
    await user.click(await screen.findByRole('button', { name: 'Clear' }));
    await flush();
    expect(screen.queryByRole('list', { name: 'Log entries' })).not.toBeInTheDocument();
    expect(screen.getByText('Nothing logged yet.')).toBeInTheDocument();
    expect(store.entries()).toHaveLength(0);
  });

  it('shows new entries after the task that logged them, in one render for all of them', async () => {
    const store = createLogger();
    let commits = 0;
    render(
      <Profiler id="drawer" onRender={() => (commits += 1)}>
        <LogDrawer store={store} defaultOpen />
      </Profiler>,
    );
    expect(await screen.findByText('Nothing logged yet.')).toBeInTheDocument();
    const before = commits;
    store.child('CC').info('hello drawer');
    store.child('CC').info('second line');
    await flush();
    // Not in the middle of the work that logged (a token request): the drawer waits for the task to end.
    expect(commits).toBe(before);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const list = screen.getByRole('list', { name: 'Log entries' });
    expect(list).toHaveTextContent('hello drawer');
    expect(list).toHaveTextContent('second line');
    expect(commits).toBe(before + 1);
  });
});
