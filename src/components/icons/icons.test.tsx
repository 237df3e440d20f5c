// Icons draw with paths in the text's colour, hidden from assistive tech unless given a name.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as objects from './objectIcons';
import * as statuses from './statusIcons';
import type { IconProps } from './Icon';

const all = { ...objects, ...statuses } as Record<string, unknown>;
const plain = Object.entries(all).filter(([name, v]) => typeof v === 'function' && name.startsWith('Icon')) as [string, (p: IconProps) => React.JSX.Element][];

describe('icons', () => {
  it.each(plain)('%s is a 1em currentColor SVG, aria-hidden, with no text to need a font', (_name, Icon) => {
    const { container } = render(<Icon />);
    const svg = container.querySelector('svg');
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).toHaveAttribute('width', '1em');
    expect(svg).toHaveAttribute('stroke', 'currentColor');
    expect(svg?.querySelector('path, circle, rect')).not.toBeNull();
    expect(container.textContent).toBe('');
    // A stable name, so a test can tell a check from a cross without reading paths.
    expect(svg?.getAttribute('data-icon')).toMatch(/^[a-z-]+$/);
  });

  it('a titled icon is an image with that name', () => {
    render(<statuses.IconPass title="Passed" />);
    expect(screen.getByRole('img', { name: 'Passed' })).not.toHaveAttribute('aria-hidden');
  });

  it.each(['pending', 'active', 'complete', 'error'] as const)('step state %s has its own shape', (state) => {
    const { container } = render(<statuses.StepStateIcon state={state} />);
    expect(container.querySelector('svg')).toHaveAttribute('data-icon', `step-${state}`);
    const shapes = container.querySelectorAll('svg > *').length;
    expect(shapes).toBe(state === 'pending' ? 1 : 2);
  });
});
