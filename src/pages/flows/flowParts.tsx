// The flow page's parts that step 1 does not show, each in a chunk of its own: steps 2–4, the sandbox's Break it
// panel and the pictures under the steps load when first shown, and are fetched one by one in idle periods once the
// visitor starts on step 1 (ClientCredentialsFlow.tsx), so they are usually there before anyone asks (issue 24).
// src/pages/flows/flowChunk.test.ts pins that the route's first chunk reaches none of them.
import { lazy } from 'react';
import { Spinner } from '../../components/Spinner';

const loadRequestStep = () => import('../../features/clientCredentials/steps/RequestStep');
const loadTokenStep = () => import('../../features/clientCredentials/steps/TokenStepSlot');
const loadBreakIt = () => import('../../features/faults/BreakItPanel');
const loadUseTokenStep = () => import('../../features/clientCredentials/steps/UseTokenStepSlot');
const loadFlowPictures = () => import('../../features/clientCredentials/steps/FlowPictures');

export const RequestStep = lazy(() => loadRequestStep().then((module) => ({ default: module.RequestStep })));
export const TokenStepSlot = lazy(() => loadTokenStep().then((module) => ({ default: module.TokenStepSlot })));
export const BreakItPanel = lazy(() => loadBreakIt().then((module) => ({ default: module.BreakItPanel })));
export const UseTokenStepSlot = lazy(() => loadUseTokenStep().then((module) => ({ default: module.UseTokenStepSlot })));
export const FlowPictures = lazy(() => loadFlowPictures().then((module) => ({ default: module.FlowPictures })));

/** In the order a visitor reaches them. */
export const FLOW_PART_LOADERS: readonly (() => Promise<unknown>)[] = [loadRequestStep, loadTokenStep, loadBreakIt, loadFlowPictures, loadUseTokenStep];

/** A step's content while its chunk loads (only if the idle prefetch has not brought it yet). */
export const stepLoading = <Spinner label="Loading this step…" />;
