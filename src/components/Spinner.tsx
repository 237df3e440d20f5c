// A 1rem spinning ring (one turn per second), used inside busy buttons.

export interface SpinnerProps {
  /** Announced text; omit when the surrounding button already says what is happening. */
  label?: string;
  className?: string;
}

/** Decorative unless labelled; with a label it becomes a polite status message. */
export function Spinner({ label, className }: SpinnerProps) {
  const classes = ['spinner', className].filter(Boolean).join(' ');
  if (!label) return <span className={classes} aria-hidden="true" />;
  return (
    <span role="status" className="spinner-wrap">
      <span className={classes} aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
