// The stepper's header: numbered step buttons joined by lines (a roving tab stop), the count and the progress bar.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { FlowStep, StepStatus } from './stepperTypes';
import { IconCheck, IconCross } from './icons/statusIcons';

const STATUS_TEXT: Record<StepStatus, string> = {
  pending: 'not started',
  active: 'in progress',
  complete: 'completed',
  error: 'failed',
};

function circleContent(step: FlowStep, index: number): ReactNode {
  if (step.status === 'complete') return <IconCheck />;
  if (step.status === 'error') return <IconCross />;
  return String(index + 1);
}

/** The index a roving tab stop moves to from `current`, or undefined for keys it ignores. */
function rovingTarget(key: string, current: number, total: number): number | undefined {
  const targets: Record<string, number> = {
    ArrowRight: Math.min(current + 1, total - 1),
    ArrowDown: Math.min(current + 1, total - 1),
    ArrowLeft: Math.max(current - 1, 0),
    ArrowUp: Math.max(current - 1, 0),
    Home: 0,
    End: total - 1,
  };
  return targets[key];
}

interface StepListProps {
  steps: readonly FlowStep[];
  index: number;
  label: string;
  baseId: string;
  reachable: (i: number) => boolean;
  goTo: (i: number) => void;
}

export function StepList({ steps, index, label, baseId, reachable, goTo }: StepListProps) {
  const stepButtons = useRef<Array<HTMLButtonElement | null>>([]);

  function onStepKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const current = stepButtons.current.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    const target = rovingTarget(event.key, current, steps.length);
    if (target === undefined) return;
    event.preventDefault();
    stepButtons.current[target]?.focus();
  }

  return (
    <ol className="stepper__steps" aria-label={label} onKeyDown={onStepKeyDown}>
      {steps.map((s, i) => (
        <StepItem
          key={s.id}
          step={s}
          index={i}
          active={i === index}
          previousComplete={steps[i - 1]?.status === 'complete'}
          canGo={reachable(i)}
          statusId={`${baseId}-status-${i}`}
          buttonRef={(el) => {
            stepButtons.current[i] = el;
          }}
          onClick={() => goTo(i)}
        />
      ))}
    </ol>
  );
}

interface StepItemProps {
  step: FlowStep;
  index: number;
  active: boolean;
  previousComplete: boolean;
  canGo: boolean;
  statusId: string;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onClick: () => void;
}

function StepItem({ step, index, active, previousComplete, canGo, statusId, buttonRef, onClick }: StepItemProps) {
  return (
    <li className="stepper__item" data-status={step.status}>
      {index > 0 && <span className="stepper__connector" data-complete={previousComplete || undefined} aria-hidden="true" />}
      <button
        type="button"
        ref={buttonRef}
        className="stepper__circle"
        data-status={step.status}
        data-active={active || undefined}
        aria-label={`Step ${index + 1}: ${step.title}`}
        aria-describedby={statusId}
        aria-current={active ? 'step' : undefined}
        aria-disabled={canGo ? undefined : true}
        tabIndex={active ? 0 : -1}
        onClick={onClick}
      >
        <span aria-hidden="true">{circleContent(step, index)}</span>
      </button>
      <span className="stepper__label" aria-hidden="true">
        {step.title}
      </span>
      <span id={statusId} hidden>
        {STATUS_TEXT[step.status]}
      </span>
    </li>
  );
}

export function StepProgress({ completed, total }: { completed: number; total: number }) {
  return (
    <>
      <p className="stepper__count">
        {completed} of {total} completed
      </p>
      <div
        className="stepper__progress"
        role="progressbar"
        aria-label="Flow progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={`${completed} of ${total} steps completed`}
      >
        <div className="stepper__progress-fill" style={{ width: `${total ? (completed / total) * 100 : 0}%` }} />
      </div>
    </>
  );
}
