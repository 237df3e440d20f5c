// A console panel's own call: busy while it runs, and the last value a call resolved to.
import { useState } from 'react';

/** A failed call leaves the last value in place: the console's error card shows every failure. */
export function useLastResult<T>() {
  const [value, setValue] = useState<T | undefined>();
  const [busy, setBusy] = useState(false);

  async function run(call: () => Promise<T>) {
    setBusy(true);
    try {
      setValue(await call());
    } catch {
      // Shown by the console's error card.
    } finally {
      setBusy(false);
    }
  }

  return { value, busy, run };
}
