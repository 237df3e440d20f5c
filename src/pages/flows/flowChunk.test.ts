// What the flow route's first chunk holds (issue 24): the modules its static imports reach, which the bundler puts
// in that chunk or in chunks it waits for. Step 1 is shown first; the later steps, the pictures, the Break it panel,
// the step-4 consoles and the code export are reached only through import() (see flowParts.tsx).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, staticClosure } from '../../../tests/support/staticImports';

const PAGE = join(ROOT, 'src/pages/flows/ClientCredentialsFlow.tsx');
/** What step 1 does not show: each loads when first needed (and is prefetched when the browser is idle). */
const LATER = [
  'src/features/clientCredentials/steps/RequestStep.tsx',
  'src/features/clientCredentials/steps/DpopProofPanel.tsx',
  'src/components/CodeExport.tsx',
  'src/features/clientCredentials/steps/TokenStep.tsx',
  'src/features/clientCredentials/steps/TokenManagementPanel.tsx',
  'src/features/faults/BreakItPanel.tsx',
  'src/features/clientCredentials/steps/UseTokenStep.tsx',
  'src/features/mfa/MfaDeviceConsole.tsx',
  'src/features/microauthd/MicroauthdConsole.tsx',
  'src/features/customApi/CustomApiCall.tsx',
  'src/features/clientCredentials/steps/FlowPictures.tsx',
  'src/components/SequenceDiagram.tsx',
  'src/components/TokenTimeline.tsx',
];

describe('the flow route chunk', () => {
  const closure = staticClosure(PAGE);

  it('follows static imports (the walk sees step 1)', () => {
    expect(closure).toContain('src/features/clientCredentials/steps/ConfigureStep.tsx');
    expect(closure).toContain('src/features/clientCredentials/model/flowSession.ts');
  });

  it.each(LATER)('does not hold %s: it loads when first shown', (module) => {
    expect(closure).not.toContain(module);
  });
});
