// The stepper's data: a step's status, its optional action, and what a step shows.
import type { ReactNode } from 'react';

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
