// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../src/renderer/components/SettingsView';
import { PanelApp } from '../../src/renderer/panel/App';
import type { ProviderInfo } from '../../src/shared/providers';
import { CREDENTIALS_INFO, FakeBridge, WEBEX_INFO, WEBEX_USER } from './fake-bridge';
import { mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

const TOKEN = 'NjY2ZjZmLWJhcjEyMy1iYXo0NTYtcXV4Nzg5';
const SECRET = 'c0ffee-secret-42';

function accountSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Account' });
}

function signedOutBridge(clientId = 'my-client-id'): FakeBridge {
  const bridge = new FakeBridge();
  bridge.currentSettings.providers.webex.clientId = clientId;
  return bridge;
}

function signedInBridge(method: 'browser' | 'pastedToken' | 'environment' = 'browser'): FakeBridge {
  const bridge = signedOutBridge();
  bridge.accountState = { ...bridge.accountState, signedIn: true, method };
  bridge.currentStatus = { health: 'live', provider: 'webex', demo: false, account: WEBEX_USER };
  return bridge;
}

function input(name: string): HTMLInputElement {
  return within(accountSection()).getByLabelText(name) as HTMLInputElement;
}

function button(name: string): HTMLButtonElement {
  return within(accountSection()).getByRole('button', { name }) as HTMLButtonElement;
}

describe('account settings', () => {
  describe('signed out', () => {
    it('in demo mode says calls are simulated and offers the Webex sign-in controls', async () => {
      await mount(<SettingsView />, signedOutBridge(''));
      const section = accountSection();
      expect(section.textContent).toContain('calls are simulated on this computer');
      expect(section.textContent).toContain('Signing in connects your real Webex Calling account.');
      expect(section.textContent).toContain('Webex Calling — demo (simulated calls)');
      expect(section.textContent).toContain('Dana Demo (demo account)');
      expect(input('Client ID').type).toBe('text');
      expect(input('Client secret').type).toBe('password');
      expect(button('Save secret').disabled).toBe(true);
      const redirect = input('Redirect URI');
      expect(redirect.value).toBe('http://127.0.0.1:47613/oauth/callback');
      expect(redirect.readOnly).toBe(true);
      expect(redirect.getAttribute('aria-describedby')).toBeTruthy();
      expect(document.getElementById(redirect.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
        'Register this redirect URI in your Webex integration.',
      );
      expect(button('Sign in with Webex').disabled).toBe(false);
      expect(within(section).queryByRole('button', { name: 'Sign out' })).toBeNull();
    });

    it('the paste form opens from its disclosure', async () => {
      await mount(<SettingsView />, signedOutBridge());
      const disclosure = button('Paste an access token instead');
      expect(disclosure.getAttribute('aria-expanded')).toBe('false');
      expect(within(accountSection()).queryByRole('button', { name: 'Use token' })).toBeNull();
      fireEvent.click(disclosure);
      expect(disclosure.getAttribute('aria-expanded')).toBe('true');
      expect(input('Access token').type).toBe('password');
      expect(document.activeElement).toBe(input('Access token'));
      expect(button('Use token')).toBeTruthy();
    });

    it('saves the Client ID to settings', async () => {
      const { bridge } = await mount(<SettingsView />, signedOutBridge(''));
      expect(button('Save client ID').disabled).toBe(true);
      fireEvent.input(input('Client ID'), { target: { value: '  C0abc123  ' } });
      fireEvent.click(button('Save client ID'));
      await settle();
      expect(bridge.settingsPatches).toEqual([{ providers: { webex: { clientId: 'C0abc123' } } }]);
      expect(within(accountSection()).getByText('Client ID saved.')).toBeTruthy();
      expect(button('Save client ID').disabled).toBe(true);
    });

    it('without a client id of its own it says the built-in one is used', async () => {
      const bridge = signedOutBridge('');
      bridge.builtInClientId = 'built-in-client';
      await mount(<SettingsView />, bridge);
      expect(accountSection().textContent).toContain('Switchboard has a built-in client ID');
    });

    it('Sign in with Webex waits for the browser with a Cancel, and Cancel ends the wait', async () => {
      const bridge = signedOutBridge();
      bridge.signInOutcome = 'wait';
      await mount(<SettingsView />, bridge);
      const signIn = button('Sign in with Webex');
      signIn.focus();
      fireEvent.click(signIn);
      await settle();
      expect(bridge.signIns).toBe(1);
      expect(signIn.disabled).toBe(true);
      const waiting = within(accountSection())
        .getAllByRole('status')
        .find((s) => s.textContent?.includes('Waiting for the browser…'));
      expect(waiting).toBeTruthy();
      const cancel = button('Cancel');
      expect(document.activeElement).toBe(cancel);

      fireEvent.click(cancel);
      await settle();
      expect(bridge.cancels).toBe(1);
      expect(within(accountSection()).queryByRole('button', { name: 'Cancel' })).toBeNull();
      expect(accountSection().textContent).not.toContain('Waiting for the browser…');
      expect(signIn.disabled).toBe(false);
      // The user cancelled: said politely, not as an alert.
      expect(within(accountSection()).queryByRole('alert')).toBeNull();
      expect(
        within(accountSection())
          .getAllByRole('status')
          .some((s) => s.textContent === 'Sign-in was cancelled.'),
      ).toBe(true);
    });

    it("a failed sign-in shows main's message as an alert", async () => {
      const bridge = signedOutBridge();
      bridge.signInOutcome = { ok: false, message: 'Webex refused the sign-in: the client ID is not known.' };
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Sign in with Webex'));
      await settle();
      expect(within(accountSection()).getByRole('alert').textContent).toBe('Webex refused the sign-in: the client ID is not known.');
      expect(button('Sign in with Webex').disabled).toBe(false);
    });

    it('without a client id main refuses to start, and the refusal shows', async () => {
      const bridge = signedOutBridge('');
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Sign in with Webex'));
      await settle();
      expect(within(accountSection()).getByRole('alert').textContent).toContain('Enter the client ID of your Webex integration first');
    });

    it('a Client ID typed but not saved is saved before the sign-in starts', async () => {
      const bridge = signedOutBridge('');
      await mount(<SettingsView />, bridge);
      fireEvent.input(input('Client ID'), { target: { value: 'typed-id' } });
      fireEvent.click(button('Sign in with Webex'));
      await settle();
      expect(bridge.settingsPatches).toEqual([{ providers: { webex: { clientId: 'typed-id' } } }]);
      expect(bridge.signIns).toBe(1);
    });

    it('a successful sign-in shows who is signed in and how', async () => {
      const bridge = signedOutBridge();
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Sign in with Webex'));
      await settle();
      const section = accountSection();
      expect(section.textContent).toContain('Webex Calling');
      expect(section.textContent).toContain('Wendy Webex');
      expect(section.textContent).toContain('ext. 4042');
      expect(section.textContent).toContain('Signed in with the browser');
      expect(within(section).queryByRole('alert')).toBeNull();
      expect(within(section).queryByLabelText('Client ID')).toBeNull();
      expect(button('Sign out')).toBeTruthy();
    });

    it('a pasted token goes to main; a refusal shows under the field, success signs in and forgets the field', async () => {
      const bridge = signedOutBridge();
      bridge.pasteRefusal = 'Webex refused that token: it may have expired (personal access tokens last 12 hours).';
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Paste an access token instead'));
      fireEvent.input(input('Access token'), { target: { value: TOKEN } });
      fireEvent.click(button('Use token'));
      await settle();
      expect(bridge.pastedTokens).toEqual([TOKEN]);
      expect(within(accountSection()).getByRole('alert').textContent).toBe(
        'Webex refused that token: it may have expired (personal access tokens last 12 hours).',
      );
      expect(input('Access token').getAttribute('aria-invalid')).toBe('true');
      // Still there to correct or replace.
      expect(input('Access token').value).toBe(TOKEN);

      bridge.pasteRefusal = null;
      fireEvent.click(button('Use token'));
      await settle();
      expect(bridge.pastedTokens).toEqual([TOKEN, TOKEN]);
      expect(accountSection().textContent).toContain('Pasted access token (lasts 12 hours)');
      expect(accountSection().textContent).toContain('Wendy Webex');
      expect(document.body.innerHTML).not.toContain(TOKEN);
      expect([...document.querySelectorAll('input')].some((i) => i.value === TOKEN)).toBe(false);
    });

    it('the paste field is cleared once main accepts the token', async () => {
      const bridge = signedOutBridge();
      // Main accepts the token, but the account has not been pushed as signed in yet.
      bridge.pasteToken = async (request) => {
        bridge.pastedTokens.push(request.token);
        return { ok: true, value: null };
      };
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Paste an access token instead'));
      fireEvent.input(input('Access token'), { target: { value: TOKEN } });
      fireEvent.submit(input('Access token').form as HTMLFormElement);
      await settle();
      expect(bridge.pastedTokens).toEqual([TOKEN]);
      expect(input('Access token').value).toBe('');
      expect(within(accountSection()).queryByRole('alert')).toBeNull();
    });

    it("a token that does not look like one is refused with main's words", async () => {
      const bridge = signedOutBridge();
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Paste an access token instead'));
      fireEvent.input(input('Access token'), { target: { value: 'short' } });
      fireEvent.click(button('Use token'));
      await settle();
      expect(within(accountSection()).getByRole('alert').textContent).toContain('That does not look like a Webex access token');
    });

    it('the client secret is saved and forgotten through main and never shown', async () => {
      const bridge = signedOutBridge();
      await mount(<SettingsView />, bridge);
      fireEvent.input(input('Client secret'), { target: { value: SECRET } });
      fireEvent.click(button('Save secret'));
      await settle();
      expect(bridge.clientSecrets).toEqual([SECRET]);
      const saved = within(accountSection()).getByRole('group', { name: 'Client secret' });
      expect(saved.textContent).toContain('Saved');
      expect(saved.querySelector('input')).toBeNull();
      expect(document.activeElement).toBe(button('Forget secret'));
      expect(document.body.innerHTML).not.toContain(SECRET);
      expect([...document.querySelectorAll('input')].some((i) => i.value === SECRET)).toBe(false);

      fireEvent.click(button('Forget secret'));
      await settle();
      expect(bridge.clientSecrets).toEqual([SECRET, null]);
      expect(input('Client secret').value).toBe('');
      expect(document.activeElement).toBe(input('Client secret'));
      expect(within(accountSection()).queryByRole('button', { name: 'Forget secret' })).toBeNull();
    });

    it('a saved secret (from main) shows as Saved, and a refused one as an alert', async () => {
      const bridge = signedOutBridge();
      await mount(<SettingsView />, bridge);
      fireEvent.input(input('Client secret'), { target: { value: 'a b' } });
      fireEvent.click(button('Save secret'));
      await settle();
      expect(within(accountSection()).getByRole('alert').textContent).toContain('That does not look like a client secret');
      act(() => bridge.setAccount({ clientSecretSaved: true }));
      expect(within(accountSection()).getByText('Saved')).toBeTruthy();
      expect(button('Forget secret')).toBeTruthy();
    });
  });

  describe('signed in', () => {
    it('shows the user and how, and signs out only after the inline confirmation', async () => {
      const bridge = signedInBridge();
      await mount(<SettingsView />, bridge);
      const section = accountSection();
      expect(section.textContent).toContain('Wendy Webex');
      expect(section.textContent).toContain('wendy@example.com');
      expect(section.textContent).toContain('Signed in with the browser');

      const signOut = button('Sign out');
      fireEvent.click(signOut);
      const confirm = within(section).getByRole('group', {
        name: 'Sign out of Webex? Switchboard will forget your sign-in and stop showing calls.',
      });
      expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
      fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
      expect(bridge.signOuts).toBe(0);
      expect(within(section).queryByRole('group')).toBeNull();
      expect(document.activeElement).toBe(button('Sign out'));

      fireEvent.click(button('Sign out'));
      fireEvent.click(within(within(section).getByRole('group')).getByRole('button', { name: 'Sign out' }));
      await settle();
      expect(bridge.signOuts).toBe(1);
      expect(
        within(accountSection())
          .getAllByRole('status')
          .some((s) => s.textContent === 'Signed out.'),
      ).toBe(true);
      expect(accountSection().textContent).toContain('Not signed in');
      expect(button('Sign in with Webex')).toBeTruthy();
    });

    it('names a pasted token and an environment token as the way in', async () => {
      await mount(<SettingsView />, signedInBridge('environment'));
      expect(accountSection().textContent).toContain('Access token from the SWITCHBOARD_WEBEX_TOKEN environment variable');
      expect(button('Sign out')).toBeTruthy();
    });
  });

  it('warns when the sign-in will not survive a restart', async () => {
    const bridge = signedOutBridge();
    bridge.accountState = {
      ...bridge.accountState,
      persistent: false,
      persistenceNote: 'This system has no keyring: you will need to sign in again after a restart.',
    };
    await mount(<SettingsView />, bridge);
    expect(accountSection().textContent).toContain('Not kept after a restart.');
    expect(accountSection().textContent).toContain('This system has no keyring: you will need to sign in again after a restart.');
    act(() => bridge.setAccount({ persistent: true, persistenceNote: undefined }));
    expect(accountSection().textContent).not.toContain('Not kept after a restart.');
  });

  it("shows main's message about the account, such as an expired sign-in", async () => {
    const bridge = signedOutBridge();
    bridge.accountState = { ...bridge.accountState, message: 'Your Webex sign-in has expired: sign in again.' };
    await mount(<SettingsView />, bridge);
    expect(
      within(accountSection())
        .getAllByRole('status')
        .some((s) => s.textContent === 'Your Webex sign-in has expired: sign in again.'),
    ).toBe(true);
    expect(within(accountSection()).queryByRole('alert')).toBeNull();
  });

  describe('status line', () => {
    it('when signed out, "Sign in" opens Settings with focus on the Account section', async () => {
      const bridge = signedOutBridge();
      bridge.currentStatus = { health: 'signedOut', provider: 'webex', demo: false, detail: 'Your Webex sign-in has expired.' };
      await mount(<PanelApp />, bridge);
      expect(screen.getByRole('tab', { name: 'Calls' }).getAttribute('aria-selected')).toBe('true');
      const footer = screen.getByRole('contentinfo');
      fireEvent.click(within(footer).getByRole('button', { name: 'Sign in' }));
      await settle();
      expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Account' }));
      // Only once: coming back to Settings later does not pull focus again.
      fireEvent.click(screen.getByRole('tab', { name: 'Calls' }));
      fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
      await settle();
      expect(document.activeElement).not.toBe(screen.getByRole('heading', { name: 'Account' }));
    });

    it('offers no "Sign in" while signed in', async () => {
      const bridge = signedInBridge();
      await mount(<PanelApp />, bridge);
      expect(within(screen.getByRole('contentinfo')).queryByRole('button', { name: 'Sign in' })).toBeNull();
      act(() => bridge.setStatus({ health: 'signedOut', provider: 'webex', demo: false }));
      expect(within(screen.getByRole('contentinfo')).getByRole('button', { name: 'Sign in' })).toBeTruthy();
    });
  });

  describe('requests from main', () => {
    it('the tray\'s "Sign in…" brings Settings forward with focus on Account; its "Settings" only switches the tab', async () => {
      const bridge = signedOutBridge();
      await mount(<PanelApp />, bridge);
      act(() => bridge.requestView({ view: 'settings' }));
      await settle();
      expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
      expect(document.activeElement).not.toBe(screen.getByRole('heading', { name: 'Account' }));

      fireEvent.click(screen.getByRole('tab', { name: 'Calls' }));
      act(() => bridge.requestView({ view: 'settings', focusAccount: true }));
      await settle();
      expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Account' }));
    });
  });

  describe('driven by the provider', () => {
    /** A bridge whose running provider is `info`, signed out and out of the demo. */
    function providerBridge(info: ProviderInfo): FakeBridge {
      const bridge = new FakeBridge();
      bridge.app = { ...bridge.app, provider: info.id, providers: [WEBEX_INFO, info] };
      bridge.currentSettings = { ...bridge.currentSettings, provider: info.id, demo: false };
      bridge.currentStatus = { health: 'signedOut', provider: info.id, demo: false };
      bridge.accountState = { ...bridge.accountState, provider: info.id, signInKinds: info.signIn, redirectUri: '' };
      return bridge;
    }

    it('a credentials provider shows its form and no browser sign-in; the secrets are password fields, cleared once signed in', async () => {
      const bridge = providerBridge(CREDENTIALS_INFO);
      await mount(<SettingsView />, bridge);
      expect(accountSection().textContent).toContain('Bandwidth');
      expect(within(accountSection()).queryByRole('button', { name: /Sign in with/ })).toBeNull();
      expect(within(accountSection()).queryByLabelText('Client ID')).toBeNull();
      expect(within(accountSection()).queryByLabelText('Client secret')).toBeNull();
      expect(input('User ID').type).toBe('text');
      expect(input('API token').type).toBe('password');
      expect(input('API secret').type).toBe('password');
      expect(button('Sign in to Bandwidth').disabled).toBe(true);

      fireEvent.input(input('User ID'), { target: { value: ' u-123 ' } });
      fireEvent.input(input('API token'), { target: { value: 't-456' } });
      fireEvent.input(input('API secret'), { target: { value: 's-789' } });
      fireEvent.click(button('Sign in to Bandwidth'));
      await settle();

      expect(bridge.credentials).toEqual([{ userId: 'u-123', apiToken: 't-456', apiSecret: 's-789' }]);
      expect(within(accountSection()).getByText('Signed in with your API credentials')).toBeTruthy();
      expect(within(accountSection()).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    });

    it('a provider signed in to only with a pasted token shows the token field at once', async () => {
      const tokenOnly: ProviderInfo = {
        ...CREDENTIALS_INFO,
        id: 'ringcentral',
        name: 'RingCentral',
        shortName: 'RingCentral',
        signIn: ['pastedToken'],
        credentialFields: [],
      };
      await mount(<SettingsView />, providerBridge(tokenOnly));
      expect(within(accountSection()).queryByRole('button', { name: 'Paste an access token instead' })).toBeNull();
      expect(input('Access token').type).toBe('password');
      expect(within(accountSection()).queryByRole('button', { name: /Sign in with/ })).toBeNull();
    });

    it('in the demo, lets the user pick which provider to try among those with a demo', async () => {
      const bridge = signedOutBridge();
      bridge.app = { ...bridge.app, providers: [WEBEX_INFO, CREDENTIALS_INFO] };
      await mount(<SettingsView />, bridge);
      const choice = within(accountSection()).getByLabelText('Try the demo of') as HTMLSelectElement;
      expect([...choice.options].map((o) => o.textContent)).toEqual(['Webex Calling']);
      fireEvent.change(choice, { target: { value: 'webex' } });
      await settle();
      expect(bridge.settingsPatches).toEqual([{ provider: 'webex', demo: true }]);
    });

    it('signed out of the real account, offers the demo again', async () => {
      const bridge = signedOutBridge();
      bridge.currentStatus = { health: 'signedOut', provider: 'webex', demo: false };
      bridge.currentSettings = { ...bridge.currentSettings, demo: false };
      await mount(<SettingsView />, bridge);
      fireEvent.click(button('Try the demo of Webex Calling'));
      await settle();
      expect(bridge.settingsPatches).toEqual([{ provider: 'webex', demo: true }]);
    });

    it('offers no demo while signed in or already in the demo', async () => {
      await mount(<SettingsView />, signedInBridge());
      expect(within(accountSection()).queryByRole('button', { name: /Try the demo/ })).toBeNull();
      unmountAll();
      await mount(<SettingsView />, signedOutBridge());
      expect(within(accountSection()).queryByRole('button', { name: /Try the demo/ })).toBeNull();
    });

    it('no longer says "demo" once the status says the real account runs', async () => {
      const bridge = signedOutBridge();
      await mount(<SettingsView />, bridge);
      expect(accountSection().textContent).toContain('demo (simulated calls)');
      act(() => {
        bridge.setAccount({ signedIn: true, method: 'browser' });
        bridge.setStatus({ health: 'live', provider: 'webex', demo: false, account: WEBEX_USER });
      });
      expect(accountSection().textContent).not.toContain('demo');
      expect(within(accountSection()).queryByLabelText('Try the demo of')).toBeNull();
    });
  });
});
