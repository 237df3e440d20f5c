// One way to load something asynchronous for a key and ignore the answer once it no longer applies (the key
// changed, or the component unmounted) — instead of a hand-written `let live = true` effect in every component.
import { useEffect, useEffectEvent, useState } from 'react';

export type AsyncState<T> = { status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; error: unknown };

const PENDING: AsyncState<never> = Object.freeze({ status: 'pending' });

/**
 * The state of `load(key)` for the current `key` (compared with `Object.is`); undefined while `key` is undefined
 * (nothing to load). Loading is synchronising with an external system, so it runs in an effect; a newer key or an
 * unmount makes an older answer be dropped. `reload()` loads again for the same key (after a change the caller made).
 */
export function useAsyncValue<K, T>(key: K | undefined, load: (key: K) => Promise<T>): [AsyncState<T> | undefined, () => void] {
  const [settled, setSettled] = useState<{ key: K; generation: number; state: AsyncState<T> } | null>(null);
  const [generation, setGeneration] = useState(0);
  const loadFor = useEffectEvent(load);

  useEffect(() => {
    if (key === undefined) return undefined;
    let live = true;
    const keep = (state: AsyncState<T>) => {
      if (live) setSettled({ key, generation, state });
    };
    loadFor(key).then((value) => keep({ status: 'fulfilled', value }), (error: unknown) => keep({ status: 'rejected', error }));
    return () => {
      live = false;
    };
  }, [key, generation]);

  const reload = () => setGeneration((n) => n + 1);
  if (key === undefined) return [undefined, reload];
  // A reload keeps showing the previous answer for the same key until the new one arrives.
  return [settled && Object.is(settled.key, key) ? settled.state : PENDING, reload];
}
