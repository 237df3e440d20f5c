// The V3 stepper: numbered steps joined by lines, progress, the active step's card and Back / action / Next.

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
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

/**
 * Controlled stepper: the page owns `activeIndex` (and persists it if it wants). Steps are a list of buttons
 * with a roving tab stop (arrow keys, Home, End); moving to another step puts focus on its heading so screen
 * reader and keyboard users land on the new content. Disabled controls use `aria-disabled` so they stay
 * focusable and their explanation can be read.
 */
export function StepByStepFlow({ steps, activeIndex, onActiveIndexChange, label = 'Flow steps' }: StepByStepFlowProps) {
  const baseId = useId();
  const stepButtons = useRef<Array<HTMLButtonElement | null>>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownIndex = useRef(activeIndex);

  useEffect(() => {
    // Focus follows navigation, not the first render: landing on the page must not steal focus.
    if (shownIndex.current !== activeIndex) {
      shownIndex.current = activeIndex;
      headingRef.current?.focus();
    }
  }, [activeIndex]);

  const index = Math.min(Math.max(activeIndex, 0), Math.max(steps.length - 1, 0));
  const step = steps[index];
  if (!step) return null;

  const total = steps.length;
  const completed = steps.filter((s) => s.status === 'complete').length;
  const reachable = (i: number) => i <= index || steps.slice(0, i).every((s) => s.canProceed || s.status === 'complete');
  const isLast = index === total - 1;
  const hintId = `${baseId}-next-hint`;
  const headingId = `${baseId}-heading`;
  const action = step.action;
  const actionBlocked = action ? action.busy || Boolean(action.disabled) : true;

  function goTo(i: number) {
    if (i !== index && i >= 0 && i < total && reachable(i)) onActiveIndexChange(i);
  }

  function onStepKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const current = stepButtons.current.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    const targets: Record<string, number> = {
      ArrowRight: Math.min(current + 1, total - 1),
      ArrowDown: Math.min(current + 1, total - 1),
      ArrowLeft: Math.max(current - 1, 0),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: total - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    stepButtons.current[target]?.focus();
  }

  return (
    <div className="stepper">
      <div className="stepper__header">
        <ol className="stepper__steps" aria-label={label} onKeyDown={onStepKeyDown}>
          {steps.map((s, i) => {
            const statusId = `${baseId}-status-${i}`;
            const canGo = reachable(i);
            return (
              <li key={s.id} className="stepper__item" data-status={s.status}>
                {i > 0 && <span className="stepper__connector" data-complete={steps[i - 1]?.status === 'complete' || undefined} aria-hidden="true" />}
                <button
                  type="button"
                  ref={(el) => {
                    stepButtons.current[i] = el;
                  }}
                  className="stepper__circle"
                  data-status={s.status}
                  data-active={i === index || undefined}
                  aria-label={`Step ${i + 1}: ${s.title}`}
                  aria-describedby={statusId}
                  aria-current={i === index ? 'step' : undefined}
                  aria-disabled={canGo ? undefined : true}
                  tabIndex={i === index ? 0 : -1}
                  onClick={() => goTo(i)}
                >
                  <span aria-hidden="true">{circleContent(s, i)}</span>
                </button>
                <span className="stepper__label" aria-hidden="true">
                  {s.title}
                </span>
                <span id={statusId} hidden>
                  {STATUS_TEXT[s.status]}
                </span>
              </li>
            );
          })}
        </ol>
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
      </div>

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
          <button type="button" className="btn btn--secondary" onClick={() => goTo(index - 1)} disabled={index === 0}>
            <span aria-hidden="true">← </span>Back
          </button>
          {action && (
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
          )}
          {!isLast && (
            <button
              type="button"
              className="btn btn--success"
              aria-disabled={step.canProceed ? undefined : true}
              aria-describedby={step.canProceed ? undefined : hintId}
              onClick={() => {
                // Next depends on this step only; jumping via the circles checks every earlier step.
                if (step.canProceed) onActiveIndexChange(index + 1);
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
    </div>
  );
}
