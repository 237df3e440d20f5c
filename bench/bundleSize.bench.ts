// Bundle size: the app's initial JS+CSS gzip against the bare React + router app built in the same run.
import type { Figure } from './table';
import { INITIAL_RATIO_BUDGET, initialSizes, kb, routeChunkSizes } from './support/bundle';
import { buildBareApp } from './support/bareApp';
import { DIST, ensureDist } from './support/servers';

const FLOW_CHUNK = 'ClientCredentialsFlow';

const info = (figure: string, bytes: number): Figure => ({ figure, value: kb(bytes), unit: 'KB gzip', budget: 'info' });

export default async function bundleSizeBench(): Promise<Figure[]> {
  ensureDist();
  const app = initialSizes(DIST);
  const bare = initialSizes(await buildBareApp());
  const ratio = app.total.gzip / bare.total.gzip;
  const flow = routeChunkSizes(DIST, FLOW_CHUNK);
  if (flow.chunk.files.length === 0) throw new Error(`no ${FLOW_CHUNK}-*.js chunk in dist/assets: is the flow route still lazy?`);
  console.warn(`bundle: initial ${app.total.files.join(' ')}; bare ${bare.total.files.join(' ')}; flow ${[...flow.chunk.files, ...flow.extra.files].join(' ')}`);
  return [
    {
      figure: 'Initial JS+CSS gzip (what index.html loads)',
      value: kb(app.total.gzip),
      unit: 'KB gzip',
      reference: kb(bare.total.gzip),
      ratio,
      budget: `≤ ${INITIAL_RATIO_BUDGET}× bare`,
      met: ratio <= INITIAL_RATIO_BUDGET,
    },
    { ...info('Initial JS gzip', app.js.gzip), reference: kb(bare.js.gzip) },
    { ...info('Initial CSS gzip', app.css.gzip), reference: kb(bare.css.gzip) },
    info(`Flow route chunk gzip (${FLOW_CHUNK} JS+CSS)`, flow.chunk.gzip),
    info('Flow route: other chunks it imports statically', flow.extra.gzip),
  ];
}
