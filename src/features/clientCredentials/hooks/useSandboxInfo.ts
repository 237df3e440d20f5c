// The local sandbox's /sandbox/info for the Local sandbox preset: loaded once at start-up, reloadable on demand.
import { useEffect, useEffectEvent, useState } from 'react';
import { getSandboxInfo, type SandboxInfo } from '../../../services/sandboxAdmin';
import { isPlaygroundError } from '../../../utils/errors';

export type SandboxStatus = 'idle' | 'loading' | 'ready' | 'unreachable';

export interface SandboxInfoState {
  status: SandboxStatus;
  info: SandboxInfo | undefined;
  /** Why the sandbox could not be used (network error, or something else answering on that port). */
  error: string | undefined;
  /** The info read by the start-up load only (the flow fills the form from it once). */
  startupInfo: SandboxInfo | undefined;
  /** Fetches /sandbox/info now (a click: provider change, Retry, after registering a client). */
  reload(): Promise<SandboxInfo | undefined>;
}

/**
 * In-flight start-up loads, one per sandbox URL, shared at module level so Strict Mode's double effect joins the
 * first request instead of fetching twice. Settled loads are dropped: a later visit to the page reads fresh info
 * (the sandbox may have restarted, or gained registered clients).
 */
const startupLoads = new Map<string, Promise<SandboxInfo>>();

function loadAtStartup(baseUrl: string): Promise<SandboxInfo> {
  let load = startupLoads.get(baseUrl);
  if (!load) {
    load = getSandboxInfo({ baseUrl });
    startupLoads.set(baseUrl, load);
    const settled = () => {
      if (startupLoads.get(baseUrl) === load) startupLoads.delete(baseUrl);
    };
    load.then(settled, settled);
  }
  return load;
}

function messageOf(error: unknown): string {
  return isPlaygroundError(error) ? error.message : 'The sandbox could not be read.';
}

export function useSandboxInfo(
  baseUrl: string,
  options: { enabled: boolean },
): SandboxInfoState {
  const { enabled } = options;
  const [state, setState] = useState<Omit<SandboxInfoState, 'reload'>>(() => ({
    status: enabled ? 'loading' : 'idle', info: undefined, error: undefined, startupInfo: undefined,
  }));
  // Read once per URL: whether the page *started* on a sandbox-backed provider (later switches reload by click).
  const startsEnabled = useEffectEvent(() => enabled);

  useEffect(() => {
    if (!startsEnabled()) return;
    let cancelled = false;
    loadAtStartup(baseUrl).then(
      (info) => {
        if (!cancelled) setState({ status: 'ready', info, error: undefined, startupInfo: info });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, status: 'unreachable', info: undefined, error: messageOf(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
    // Only the start-up load lives here: later loads are caused by clicks and run in their handlers.
  }, [baseUrl]);

  async function reload(): Promise<SandboxInfo | undefined> {
    setState((s) => ({ ...s, status: 'loading' }));
    try {
      const info = await getSandboxInfo({ baseUrl });
      setState((s) => ({ ...s, status: 'ready', info, error: undefined }));
      return info;
    } catch (error) {
      setState((s) => ({ ...s, status: 'unreachable', info: undefined, error: messageOf(error) }));
      return undefined;
    }
  }

  return { ...state, reload };
}
