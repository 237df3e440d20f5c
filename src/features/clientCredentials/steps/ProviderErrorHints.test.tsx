// The provider's documented meaning of a failed token request: matched by its own code or text, shown as likely
// cause and fix with the source; server text never rendered as markup; nothing for providers without a row.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../utils/storage';
import { createTokenHistory } from '../../../utils/tokenHistory';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import { ProviderErrorHints } from './ProviderErrorHints';
import { TokenStep } from './TokenStep';

describe('ProviderErrorHints', () => {
  it('Entra ID: AADSTS7000215 in error_description names the wrong secret and how to fix it, with its source', () => {
    render(
      <ProviderErrorHints
        provider="entra"
        error={{ code: 'OAUTH_ERROR', message: 'invalid_client', status: 401, error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided. Trace ID: <img src=x onerror=alert(1)>' }}
      />,
    );
    const region = screen.getByRole('region', { name: 'What Microsoft Entra ID documents for this error' });
    expect(within(region).getByText(/secret's ID was copied instead of its value/)).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'source' })).toHaveAttribute('href', 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes');
    expect(document.querySelector('img')).toBeNull();
  });

  it('Keycloak: the description decides between its documented invalid_client and unauthorized_client cases', () => {
    render(<ProviderErrorHints provider="keycloak" error={{ code: 'OAUTH_ERROR', message: 'x', error: 'unauthorized_client', error_description: 'Client not enabled to retrieve service account' }} />);
    expect(screen.getByText(/Service accounts are off for this client/)).toBeInTheDocument();
    expect(screen.queryByText(/Unknown client ID/)).toBeNull();
  });

  it.each([
    ['a provider without a row', 'sandbox', 'invalid_client', 'AADSTS7000215'],
    ['an error the row does not document', 'entra', 'server_error', 'AADSTS50000'],
  ] as const)('shows nothing for %s', (_name, provider, error, description) => {
    const { container } = render(<ProviderErrorHints provider={provider} error={{ code: 'OAUTH_ERROR', message: 'x', error, error_description: description }} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('Token step with a hosted provider', () => {
  it('a failed run shows the error card and, after it, the row’s documented cause', () => {
    const error = { code: 'OAUTH_ERROR', message: 'invalid_client', status: 401, error: 'invalid_client', error_description: 'AADSTS7000222: The provided client secret keys are expired.' };
    render(
      <TokenStep
        run={{ status: 'error', attempts: [], requestedScopes: [], error }}
        onGetToken={() => undefined}
        form={{ ...DEFAULT_FLOW_FORM, provider: 'entra' }}
        description={null}
        history={createTokenHistory({ storage: () => createMemoryStorage() })}
        bindings={{ dpopJkt: undefined, certificateThumbprint: undefined }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('invalid_client');
    expect(screen.getByRole('region', { name: /Microsoft Entra ID documents/ })).toHaveTextContent('The client secret has expired.');
  });
});
