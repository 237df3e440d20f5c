// Step 1's client-authentication settings: the audience select and typ box for JWT methods, the typed endpoints.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { IDLE_DISCOVERY } from '../model/session/sessionState';
import { AssertionSettings } from './AssertionSettings';

const ISSUER = 'http://localhost:4500/env-1/as';

function view(over: Partial<FlowForm> = {}) {
  const form: FlowForm = { ...DEFAULT_FLOW_FORM, provider: 'sandbox', tokenEndpoint: `${ISSUER}/token`, issuer: ISSUER, authMethod: 'private_key_jwt', ...over };
  return { form, sources: {}, errors: {}, discovery: IDLE_DISCOVERY, setField: vi.fn(), touch: vi.fn() };
}

describe('AssertionSettings', () => {
  it('offers the three audience modes by their spec names, and a choice sets the form', async () => {
    const flow = view();
    render(<AssertionSettings flow={flow} />);
    const select = screen.getByLabelText('Assertion audience');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['issuer (RFC 7523bis)', 'token endpoint (RFC 7523)', 'endpoint called']);
    expect(select).toHaveAccessibleDescription(expect.stringContaining(`"aud" is ${ISSUER}/token`));
    await userEvent.selectOptions(select, 'issuer (RFC 7523bis)');
    expect(flow.setField).toHaveBeenCalledWith('assertionAudience', 'issuer');
  });

  it('the typ box is found without the word audience, says what is sent, and unticking drops typ', async () => {
    const flow = view({ assertionAudience: 'issuer' });
    render(<AssertionSettings flow={flow} />);
    const box = screen.getByRole('checkbox', { name: /typ/ });
    expect(box).toBeChecked();
    expect(box).toHaveAccessibleName(expect.not.stringMatching(/audience/i));
    expect(box).toHaveAccessibleDescription(expect.stringContaining('typ: client-authentication+jwt'));
    // getByLabelText matches substrings: only the select answers to the audience label.
    expect(screen.getAllByLabelText(/Assertion audience/)).toHaveLength(1);
    await userEvent.click(box);
    expect(flow.setField).toHaveBeenCalledWith('assertionTyp', 'omit');
  });

  it.each(['client_secret_basic', 'client_secret_post'] as const)('%s has no assertion: no audience select, no typ box', (authMethod) => {
    render(<AssertionSettings flow={view({ authMethod })} />);
    expect(screen.queryByLabelText('Assertion audience')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('the endpoint fields show the derived URL while empty and keep what is typed', async () => {
    const flow = view({ revocationEndpoint: 'https://typed.example.com/revoke' });
    render(<AssertionSettings flow={flow} />);
    const introspection = screen.getByLabelText('Introspection endpoint');
    expect(introspection).toHaveAttribute('placeholder', `${ISSUER}/introspect`);
    expect(introspection).toHaveAccessibleDescription(expect.stringContaining(`Leave empty to use ${ISSUER}/introspect`));
    expect(screen.getByLabelText('Revocation endpoint')).toHaveValue('https://typed.example.com/revoke');
    await userEvent.type(introspection, 'h');
    expect(flow.setField).toHaveBeenCalledWith('introspectionEndpoint', 'h');
  });

  it('with no endpoint to derive, the hint says none is known', () => {
    render(<AssertionSettings flow={view({ provider: 'custom', tokenEndpoint: 'https://as.example.com/oauth2/token' })} />);
    expect(screen.getByLabelText('Introspection endpoint')).toHaveAccessibleDescription(expect.stringContaining('None is known'));
  });
});
