// The discovery panel's list of introspection, revocation and DPoP support, with the advisor's line for each gap.
import type { DiscoveryMetadata } from '../../../services/discoveryService';
import { serverFeatures } from '../model/serverFeatures';

const NAMES = { introspection: 'Introspection (RFC 7662)', revocation: 'Revocation (RFC 7009)', dpop: 'DPoP (RFC 9449)' } as const;

export function ServerFeatures({ metadata, dpopWanted }: { metadata: DiscoveryMetadata; dpopWanted: boolean }) {
  const features = serverFeatures(metadata, dpopWanted);
  return (
    <ul aria-label="Server features">
      {features.map((f) => (
        <li key={f.feature}>
          <strong>{NAMES[f.feature]}</strong>: {f.supported ? 'supported' : 'not advertised'} — <code>{f.detail}</code>
          {f.authMethods && f.authMethods.length > 0 && <> (client authentication: {f.authMethods.join(', ')})</>}
          {f.advice && <p className="cc-field__hint">{f.advice}</p>}
        </li>
      ))}
    </ul>
  );
}
