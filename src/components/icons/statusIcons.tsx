// Icons that carry an outcome: pass, fail, warning, info, blocked, retry, and the stepper's four step states.
import { Icon, type IconProps } from './Icon';

/** A check mark: a passed check, a completed step. */
export function IconCheck(props: IconProps) {
  return (
    <Icon name="check" {...props}>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </Icon>
  );
}

/** A cross: a failed check, a step in error. */
export function IconCross(props: IconProps) {
  return (
    <Icon name="cross" {...props}>
      <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />
    </Icon>
  );
}

/** Pass: a check in a circle (assertion lint, token checks). */
export function IconPass(props: IconProps) {
  return (
    <Icon name="pass" {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12.5l2.75 2.75L16.5 9.5" />
    </Icon>
  );
}

/** Fail: a cross in a circle. */
export function IconFail(props: IconProps) {
  return (
    <Icon name="fail" {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </Icon>
  );
}

/** Blocked / error (what ⛔ meant): a bar in a circle. */
export function IconBlocked(props: IconProps) {
  return (
    <Icon name="blocked" {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12h8" />
    </Icon>
  );
}

/** Warning: an exclamation mark in a triangle. */
export function IconWarning(props: IconProps) {
  return (
    <Icon name="warning" {...props}>
      <path d="M12 3.5L2.5 20h19z" />
      <path d="M12 10v4.5M12 17.25v.01" />
    </Icon>
  );
}

/** Info: an "i" in a circle. */
export function IconInfo(props: IconProps) {
  return (
    <Icon name="info" {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5M12 7.75v.01" />
    </Icon>
  );
}

/** Retry: two arrows chasing each other round. */
export function IconRetry(props: IconProps) {
  return (
    <Icon name="retry" {...props}>
      <path d="M4.5 11a7.5 7.5 0 0 1 13.3-4.2L20 9M20 4v5h-5" />
      <path d="M19.5 13a7.5 7.5 0 0 1-13.3 4.2L4 15M4 20v-5h5" />
    </Icon>
  );
}

export type StepState = 'pending' | 'active' | 'complete' | 'error';

/** A step's state as a shape, so it never depends on colour alone: empty, dotted, checked, crossed. */
export function StepStateIcon({ state, ...props }: IconProps & { state: StepState }) {
  return (
    <Icon name={`step-${state}`} {...props}>
      <circle cx="12" cy="12" r="9" />
      {state === 'active' && <circle cx="12" cy="12" r="3.5" fill="currentColor" stroke="none" />}
      {state === 'complete' && <path d="M8 12.5l2.75 2.75L16.5 9.5" />}
      {state === 'error' && <path d="M9 9l6 6M15 9l-6 6" />}
    </Icon>
  );
}
