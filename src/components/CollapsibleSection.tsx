// A section whose body folds away behind a button (aria-expanded), with a rotating chevron.

import { useId, useState, type ReactNode } from 'react';
import './CollapsibleSection.css';

export interface CollapsibleSectionProps {
  title: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  /** Keeps the body shown whatever the toggle says, e.g. while a field inside has an error to fix. */
  forceOpen?: boolean;
  /** Heading level of the title, to fit the page outline. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/** Closed bodies are not rendered, so their content (and its effects) only exists when shown. */
export function CollapsibleSection({ title, children, defaultOpen = false, forceOpen = false, headingLevel = 3, className }: CollapsibleSectionProps) {
  const [toggled, setOpen] = useState(defaultOpen);
  // Derived, not synced: forcing the body open never remounts it, so the field being typed in keeps its focus.
  const open = toggled || forceOpen;
  const bodyId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={['collapsible', className].filter(Boolean).join(' ')} data-open={open || undefined}>
      <Heading className="collapsible__heading">
        <button type="button" className="collapsible__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="collapsible__chevron" aria-hidden="true">
            ›
          </span>
          <span>{title}</span>
        </button>
      </Heading>
      <div id={bodyId} className="collapsible__body" hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
