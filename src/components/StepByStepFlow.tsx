// The V3 stepper: numbered steps joined by lines, progress, the active step's card and Back / action / Next.

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Spinner } from './Spinner';

export type StepStatus = 'pending' | 'active' | 'complete' | 'error';

export interface StepAction {
  /** Names the action, e.g. `Get token`. */
  label: string;
  /** Shown with a spinner while running, e.g. `Getting token…`. */
  busyLabel: string;
  onClick: () => void;
  busy: boolean;
  disabled?: boolean;
}

export interface FlowStep {
  id: string;
  title: string;
  description: ReactNode;
  icon?: ReactNode;
  content: ReactNode;
  status: StepStatus;
  /** Whether Next is allowed (the step's work is done). */
  canProceed: boolean;
  action?: StepAction;
}

export interface StepByStepFlowProps {
  steps: readonly FlowStep[];
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  /** Accessible name of the step list. */
  label?: string;
}

const STATUS_TEXT: Record<StepStatus, string> = {
  pending: 'not started',
  active: 'in progress',
  complete: 'completed',
  error: 'failed',
};

function circleContent(step: FlowStep, index: number): string {
  if (step.status === 'complete') return '✓';
  if (step.status === 'error') return '✕';
  return String(index + 1);
}

/** Moves focus to the step heading when the active step changes, but not on the first render. */
function useFocusOnStepChange(activeIndex: number) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownIndex = useRef(activeIndex);
  useEffect(() => {
    // Focus follows navigation, not the first render: landing on the page must not steal focus.
    if (shownIndex.current !== activeIndex) {
      shownIndex.current = activeIndex;
      headingRef.current?.focus();
    }
  }, [activeIndex]);
  return headingRef;
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

function StepList({ steps, index, label, baseId, reachable, goTo }: StepListProps) {
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

function StepProgress({ completed, total }: { completed: number; total: number }) {
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

interface StepCardProps {
  step: FlowStep;
  headingId: string;
  hintId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  isFirst: boolean;
  isLast: boolean;
  onBack: () => void;
  onNext: () => void;
}

function StepCard({ step, headingId, hintId, headingRef, isFirst, isLast, onBack, onNext }: StepCardProps) {
  return (
    <section className="step-card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="step-card__title">
        {step.icon && (
          <span className="step-card__icon" aria-hidden="true">
            {step.icon}
          </span>
        )}
        {step.title}
      </h2>
      <div className="step-card__description">{step.description}</div>
      <div className="step-card__content">{step.content}</div>

      <div className="step-card__actions">
        <button type="button" className="btn btn--secondary" onClick={onBack} disabled={isFirst}>
          <span aria-hidden="true">← </span>Back
        </button>
        {step.action && <StepActionButton action={step.action} />}
        {!isLast && (
          <button
            type="button"
            className="btn btn--success"
            aria-disabled={step.canProceed ? undefined : true}
            aria-describedby={step.canProceed ? undefined : hintId}
            onClick={() => {
              // Next depends on this step only; jumping via the circles checks every earlier step.
              if (step.canProceed) onNext();
            }}
          >
            Next<span aria-hidden="true"> →</span>
          </button>
        )}
      </div>
      {!isLast && !step.canProceed && (
        <p id={hintId} className="step-card__hint">
          Complete the current step first
        </p>
      )}
    </section>
  );
}

function StepActionButton({ action }: { action: StepAction }) {
  const actionBlocked = action.busy || Boolean(action.disabled);
  return (
    <button
      type="button"
      className="btn btn--primary"
      aria-disabled={actionBlocked || undefined}
      aria-busy={action.busy || undefined}
      onClick={() => {
        if (!actionBlocked) action.onClick();
      }}
    >
      {action.busy ? (
        <>
          <Spinner /> {action.busyLabel}
        </>
      ) : (
        action.label
      )}
    </button>
  );
}

/**
 * Controlled stepper: the page owns `activeIndex` (and persists it if it wants). Steps are a list of buttons
 * with a roving tab stop (arrow keys, Home, End); moving to another step puts focus on its heading so screen
 * reader and keyboard users land on the new content. Disabled controls use `aria-disabled` so they stay
 * focusable and their explanation can be read.
 */
export function StepByStepFlow({ steps, activeIndex, onActiveIndexChange, label = 'Flow steps' }: StepByStepFlowProps) {
  const baseId = useId();
  const headingRef = useFocusOnStepChange(activeIndex);

  const index = Math.min(Math.max(activeIndex, 0), Math.max(steps.length - 1, 0));
  const step = steps[index];
  if (!step) return null;

  const total = steps.length;
  const completed = steps.filter((s) => s.status === 'complete').length;
  const reachable = (i: number) => i <= index || steps.slice(0, i).every((s) => s.canProceed || s.status === 'complete');

  function goTo(i: number) {
    if (i !== index && i >= 0 && i < total && reachable(i)) onActiveIndexChange(i);
  }

  return (
    <div className="stepper">
      <div className="stepper__header">
        <StepList steps={steps} index={index} label={label} baseId={baseId} reachable={reachable} goTo={goTo} />
        <StepProgress completed={completed} total={total} />
      </div>
      <StepCard
        step={step}
        headingId={`${baseId}-heading`}
        hintId={`${baseId}-next-hint`}
        headingRef={headingRef}
        isFirst={index === 0}
        isLast={index === total - 1}
        onBack={() => goTo(index - 1)}
        onNext={() => onActiveIndexChange(index + 1)}
      />
    </div>
  );
}
