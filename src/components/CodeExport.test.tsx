// CodeExport: the select, the region and the copy button a person (and the E2E suite) drives.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildClientCredentialsBody } from '../utils/oauth/body';
import { clientSecretPost } from '../utils/oauth/clientAuth';
import { describeClientCredentialsRequest } from '../utils/oauth/description';
import type { CodeExportInput } from '../utils/codeExport/exportInput';
import { CodeExport } from './CodeExport';

async function input(): Promise<CodeExportInput> {
  const description = await describeClientCredentialsRequest({
    tokenEndpoint: 'https://as.example.com/token',
    clientId: 'worker',
    auth: clientSecretPost('s3cret-value'),
    params: buildClientCredentialsBody({ scope: 'read' }),
  });
  return { description, authMethod: 'client_secret_post' };
}

describe('CodeExport', () => {
  it('offers every language, shows the chosen program in the Exported code region and copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    const exported = await input();
    // React 19 resolves a suspended use() only inside an awaited act.
    await act(async () => {
      render(<CodeExport input={exported} clipboard={{ writeText }} />);
    });

    const select = screen.getByRole('combobox', { name: 'Export as' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['cURL', 'fetch', 'Node', 'Python', 'Go', 'Java', 'C#', 'PowerShell']);
    const region = screen.getByRole('region', { name: 'Exported code' });
    expect(await within(region).findByText(/curl --request POST/)).toBeInTheDocument();

    await user.selectOptions(select, 'Python');
    expect(await within(region).findByText(/import requests/)).toBeInTheDocument();
    expect(region).not.toHaveTextContent('s3cret-value');

    await user.click(within(region).getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]![0]).toContain('OAUTH_CLIENT_SECRET');
  });

  it('says why when the request cannot be exported', async () => {
    const base = await input();
    await act(async () => {
      render(<CodeExport input={{ ...base, authMethod: 'client_secret_basic' }} defaultLanguage="go" />);
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('client_secret_post, not client_secret_basic');
  });
});
