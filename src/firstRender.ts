// The app's first render, given to React as a transition so that it does not hold one task.
import { startTransition, type ReactNode } from 'react';
import type { Root } from 'react-dom/client';

/**
 * Renders `node` into `root` as a transition, which React renders in slices and lets the browser run between them
 * (https://react.dev/reference/react/startTransition). A plain first render is one task from the router's creation
 * to the commit: 21–33 ms on the slower of this project's machines, ~130 ms under Lighthouse's 4× mobile CPU, most of
 * both pages' Total Blocking Time. The first paint comes as soon (bench/lighthouse.bench.ts).
 */
export function renderInSlices(root: Root, node: ReactNode): void {
  startTransition(() => root.render(node));
}
