// The stepper: numbered steps joined by lines, progress, the active step's card and Back / action / Next.
// The header lives in StepperSteps.tsx, the card in StepCard.tsx, the step data in stepperTypes.ts.

import { useEffect, useId, useRef } from 'react';
import { StepCard } from './StepCard';
import './StepByStepFlow.css';
import { StepList, StepProgress } from './StepperSteps';
import type { FlowStep } from './stepperTypes';

export type { FlowStep, StepAction, StepStatus } from './stepperTypes';

export interface StepByStepFlowProps {
  steps: readonly FlowStep[];
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  /** Accessible name of the step list. */
  label?: string;
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
