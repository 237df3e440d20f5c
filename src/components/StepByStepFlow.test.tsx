import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StepByStepFlow, type FlowStep } from './StepByStepFlow';

function makeSteps(overrides: Partial<Record<number, Partial<FlowStep>>> = {}): FlowStep[] {
  const base: FlowStep[] = [
    { id: 'configure', title: 'Configure', description: 'Pick a provider.', content: <p>configure body</p>, status: 'complete', canProceed: true },
    { id: 'request', title: 'Request', description: 'Review the request.', content: <p>request body</p>, status: 'active', canProceed: false },
    { id: 'token', title: 'Token', description: 'Send it.', content: <p>token body</p>, status: 'pending', canProceed: false },
  ];
  return base.map((step, i) => ({ ...step, ...overrides[i] }));
}

function Harness({ steps, initial = 0, onChange }: { steps: FlowStep[]; initial?: number; onChange?: (i: number) => void }) {
  const [active, setActive] = useState(initial);
  return (
    <StepByStepFlow
      steps={steps}
      activeIndex={active}
      onActiveIndexChange={(i) => {
        onChange?.(i);
        setActive(i);
      }}
    />
  );
}

describe('StepByStepFlow', () => {
  it('shows numbered steps, the active one marked, progress and count', () => {
    render(<Harness steps={makeSteps()} initial={1} />);
    const step2 = screen.getByRole('button', { name: 'Step 2: Request' });
    expect(step2).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('button', { name: 'Step 1: Configure' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('button', { name: 'Step 1: Configure' })).toHaveAccessibleDescription('completed');
    expect(screen.getByText('1 of 3 completed')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Flow progress' })).toHaveAttribute('aria-valuenow', '1');
    expect(screen.getByRole('heading', { level: 2, name: 'Request' })).toBeInTheDocument();
    expect(screen.getByText('Review the request.')).toBeInTheDocument();
    expect(screen.getByText('request body')).toBeInTheDocument();
  });

  it('keeps Next disabled with an accessible reason until the step can proceed', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(<Harness steps={makeSteps()} initial={1} onChange={onChange} />);
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveAccessibleDescription('Complete the current step first');
    await user.click(next);
    expect(onChange).not.toHaveBeenCalled();

    rerender(<Harness steps={makeSteps({ 1: { canProceed: true } })} initial={1} onChange={onChange} />);
    const enabled = screen.getByRole('button', { name: 'Next' });
    expect(enabled).not.toHaveAttribute('aria-disabled');
    expect(enabled).not.toHaveAccessibleDescription();
    await user.click(enabled);
    expect(onChange).toHaveBeenCalledWith(2);
  });

  it('moves focus to the new step heading when the active step changes, not on first render', async () => {
    const user = userEvent.setup();
    render(<Harness steps={makeSteps({ 1: { canProceed: true } })} initial={0} />);
    expect(screen.getByRole('heading', { name: 'Configure' })).not.toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Request' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Configure' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
  });

  it('is keyboard operable: arrows, Home and End move between steps; Enter opens one', async () => {
    const user = userEvent.setup();
    render(<Harness steps={makeSteps({ 1: { canProceed: true } })} initial={0} />);
    const step1 = screen.getByRole('button', { name: 'Step 1: Configure' });
    const step2 = screen.getByRole('button', { name: 'Step 2: Request' });
    const step3 = screen.getByRole('button', { name: 'Step 3: Token' });
    // One tab stop: the active step.
    expect(step1).toHaveAttribute('tabindex', '0');
    expect(step2).toHaveAttribute('tabindex', '-1');

    await user.tab();
    expect(step1).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(step2).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(step3).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(step3).toHaveFocus();
    await user.keyboard('{Home}');
    expect(step1).toHaveFocus();
    await user.keyboard('{End}');
    expect(step3).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(step2).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(step2).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('heading', { level: 2, name: 'Request' })).toHaveFocus();
  });

  it('does not jump to a step whose earlier steps are unfinished', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness steps={makeSteps()} initial={0} onChange={onChange} />);
    const step3 = screen.getByRole('button', { name: 'Step 3: Token' });
    expect(step3).toHaveAttribute('aria-disabled', 'true');
    await user.click(step3);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('runs the step action, showing a spinner and the busy label while busy', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    const action = { label: 'Get token', busyLabel: 'Getting token…', onClick, busy: false };
    const { rerender } = render(<Harness steps={makeSteps({ 1: { action } })} initial={1} />);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(onClick).toHaveBeenCalledTimes(1);

    rerender(<Harness steps={makeSteps({ 1: { action: { ...action, busy: true } } })} initial={1} />);
    const busy = screen.getByRole('button', { name: 'Getting token…' });
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(busy.querySelector('.spinner')).not.toBeNull();
    await user.click(busy);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('shows a check for completed and an X for failed steps, and no Next on the last step', () => {
    render(<Harness steps={makeSteps({ 1: { status: 'error' } })} initial={2} />);
    expect(screen.getByRole('button', { name: 'Step 1: Configure' }).querySelector('svg')).toHaveAttribute('data-icon', 'check');
    expect(screen.getByRole('button', { name: 'Step 2: Request' }).querySelector('svg')).toHaveAttribute('data-icon', 'cross');
    expect(screen.getByRole('button', { name: 'Step 2: Request' })).toHaveAccessibleDescription('failed');
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
  });
});
