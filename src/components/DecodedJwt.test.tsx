// Decoded JWT and JSON view: header/claims shown, compact parts only when revealed, hostile strings stay text.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecodedJwt } from './DecodedJwt';
import { JsonView } from './JsonView';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = { alg: 'ES256', typ: 'at+jwt', kid: 'k1' };
const CLAIMS = { client_id: 'cc-basic', scope: 'p1:read:user', exp: 1735736400, active: true, note: '<img src=x onerror=alert(1)>' };
const TOKEN = `${b64(HEADER)}.${b64(CLAIMS)}.c2lnbmF0dXJlLWJ5dGVz`;

describe('DecodedJwt', () => {
  it('is a region named "Decoded access token" with header and claims, and no compact token while masked', () => {
    render(<DecodedJwt token={TOKEN} revealed={false} title="Decoded access token" />);
    const region = screen.getByRole('region', { name: 'Decoded access token' });
    expect(within(region).getByLabelText('Header')).toHaveTextContent('"typ": "at+jwt"');
    expect(within(region).getByLabelText('Claims')).toHaveTextContent('"client_id": "cc-basic"');
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(document.body.textContent).not.toContain(b64(CLAIMS));
  });

  it('colours the three parts distinctly when revealed', () => {
    const { container } = render(<DecodedJwt token={TOKEN} revealed title="Decoded access token" />);
    const parts = screen.getByLabelText('Token parts');
    expect(parts.querySelector('.jwt-part-header')?.textContent).toBe(b64(HEADER));
    expect(parts.querySelector('.jwt-part-payload')?.textContent).toBe(b64(CLAIMS));
    expect(parts.querySelector('.jwt-part-signature')?.textContent).toBe('c2lnbmF0dXJlLWJ5dGVz');
    expect(container.textContent).toContain(TOKEN);
  });

  it('says so for an opaque token', () => {
    render(<DecodedJwt token="opaque-token" revealed={false} title="Decoded access token" />);
    expect(screen.getByRole('region', { name: 'Decoded access token' })).toHaveTextContent(/opaque/);
  });
});

describe('JsonView', () => {
  it('colours keys, strings, numbers and booleans, and renders hostile strings as text', () => {
    const { container } = render(<JsonView value={CLAIMS} label="Claims" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('"<img src=x onerror=alert(1)>"');
    expect(container.querySelector('.json-key')?.textContent).toBe('"client_id"');
    expect(container.querySelector('.json-number')?.textContent).toBe('1735736400');
    expect(container.querySelector('.json-boolean')?.textContent).toBe('true');
    expect(container.querySelector('.json-string')?.textContent).toBe('"cc-basic"');
  });

  it('prints valid, indented JSON', () => {
    const value = { a: [1, { b: null }], c: {}, d: [] };
    const { container } = render(<JsonView value={value} />);
    expect(JSON.parse(container.textContent ?? '')).toEqual(value);
    expect(container.textContent).toBe(JSON.stringify(value, null, 2));
  });
});
