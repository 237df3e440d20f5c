// A section whose body folds away behind a button (aria-expanded), with the V3 rotating chevron.

import { useId, useState, type ReactNode } from 'react';

export interface CollapsibleSectionProps {
  title: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  /** Heading level of the title, to fit the page outline. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/** Closed bodies are not rendered, so their content (and its effects) only exists when shown. */
export function CollapsibleSection({ title, children, defaultOpen = false, headingLevel = 3, className }: CollapsibleSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={['collapsible', className].filter(Boolean).join(' ')} data-open={open || undefined}>
      <Heading className="collapsible__heading">
        <button type="button" className="collapsible__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((v) => !v)}>
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
