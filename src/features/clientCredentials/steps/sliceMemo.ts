// Step 1's sections as memoized components that render again only when a slice of the view they read changed.
import { memo, type FunctionComponent } from 'react';
import type { ConfigureView } from './configureView';

/** What a section may read of step 1's view: exactly the keys it is memoized by. */
export type SliceView<K extends keyof ConfigureView> = Pick<ConfigureView, K>;

/**
 * `component` memoized by the listed keys of its `flow` prop (and its other props by identity). The component's
 * `flow` type is `Pick<ConfigureView, K>`, so reading a key that is not listed fails to typecheck: a section can
 * never miss an update of something it shows. The session's actions are stable, so listing them costs nothing.
 */
export function memoBySlices<K extends keyof ConfigureView, P extends { flow: SliceView<K> }>(keys: readonly K[], component: FunctionComponent<P>) {
  const same = (prev: Readonly<P>, next: Readonly<P>) =>
    keys.every((k) => Object.is(prev.flow[k], next.flow[k]))
    && (Object.keys(next) as Array<keyof P>).every((p) => p === 'flow' || Object.is(prev[p], next[p]))
    && Object.keys(prev).length === Object.keys(next).length;
  const memoized = memo(component, same);
  memoized.displayName = `Slices(${component.displayName ?? component.name})`;
  return memoized;
}
