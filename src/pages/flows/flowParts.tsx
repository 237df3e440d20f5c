// The flow page's parts that step 1 does not show, each in a chunk of its own: steps 2–4, the sandbox's Break it
// panel and the pictures under the steps load when first shown, and are fetched and evaluated one by one in idle
// periods once the visitor starts on step 1 (ClientCredentialsFlow.tsx), so they are usually there before anyone
// asks (issue 24). A part the prefetch has brought renders in the same pass as the step around it (no fallback).
// src/pages/flows/flowChunk.test.ts pins that the route's first chunk reaches none of them.
import { Spinner } from '../../components/Spinner';
import { preloadableLazy } from '../../preloadableLazy';

const requestStep = preloadableLazy(() => import('../../features/clientCredentials/steps/RequestStep'), (m) => m.RequestStep);
const tokenStep = preloadableLazy(() => import('../../features/clientCredentials/steps/TokenStepSlot'), (m) => m.TokenStepSlot);
const breakIt = preloadableLazy(() => import('../../features/faults/BreakItPanel'), (m) => m.BreakItPanel);
const useTokenStep = preloadableLazy(() => import('../../features/clientCredentials/steps/UseTokenStepSlot'), (m) => m.UseTokenStepSlot);
const flowPictures = preloadableLazy(() => import('../../features/clientCredentials/steps/FlowPictures'), (m) => m.FlowPictures);

/**
 * The token view's date formatters (expiry, history), made in an idle period of their own: the first one loads the
 * locale's data, which cost 15–29 ms inside the first token's render (issue 24).
 */
const prepareTokenView = () => import('../../components/localTime').then((m) => m.prepareLocalTimeFormats());

export const RequestStep = requestStep.Component;
export const TokenStepSlot = tokenStep.Component;
export const BreakItPanel = breakIt.Component;
export const UseTokenStepSlot = useTokenStep.Component;
export const FlowPictures = flowPictures.Component;

/** In the order a visitor reaches them; each runs in an idle period of its own. */
export const FLOW_PART_LOADERS: readonly (() => Promise<unknown>)[] = [
  requestStep.preload,
  tokenStep.preload,
  prepareTokenView,
  breakIt.preload,
  flowPictures.preload,
  useTokenStep.preload,
];

/** A step's content while its chunk loads (only if the idle prefetch has not brought it yet). */
export const stepLoading = <Spinner label="Loading this step…" />;
