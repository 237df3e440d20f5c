// The page heading (h1 + subtitle) that also sets the document title.

import type { ReactNode } from 'react';

export const APP_NAME = 'OAuth M2M Playground';

export interface PageTitleProps {
  title: string;
  subtitle?: ReactNode;
}

/** React 19 hoists the `<title>` element into `<head>`, so no effect is needed to set document.title. */
export function PageTitle({ title, subtitle }: PageTitleProps) {
  return (
    <header className="page-title">
      <title>{`${title} · ${APP_NAME}`}</title>
      <h1 className="page-title__heading">{title}</h1>
      {subtitle && <p className="page-title__subtitle">{subtitle}</p>}
    </header>
  );
}
