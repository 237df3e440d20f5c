// The active step's card: its heading (focused on navigation), content, and Back / action / Next.
import type { RefObject } from 'react';
import { Spinner } from './Spinner';
import type { FlowStep, StepAction } from './stepperTypes';

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

export function StepCard({ step, headingId, hintId, headingRef, isFirst, isLast, onBack, onNext }: StepCardProps) {
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
