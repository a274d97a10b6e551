import type { Test } from 'uvu';
import { withEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { confirmedUser, hostedApp, type HostedApp } from '../../e2e/hostedUi/app.js';

// What the hosted-UI page tests share: one emulator for the file with a hostedApp calling back to CALLBACK.

export const CALLBACK = 'http://localhost:3000/callback';

export interface HostedSuite {
  emulator: TestEmulator;
  app: HostedApp;
}

/**
 * Registers hooks on `suite` that start a test emulator with a hostedApp (and, given `user`, a confirmedUser of that
 * name), then close it. Read the fields inside tests.
 */
export function withHostedApp(suite: Test, { user }: { user?: string } = {}): HostedSuite {
  let app: HostedApp;
  // The emulator's own SDK client stands in for withEmulator's: nothing else needs destroying.
  const running = withEmulator(suite, (emulator) => emulator.client, {
    ready: async ({ emulator }) => {
      app = await hostedApp(emulator, CALLBACK);
      if (user) await confirmedUser(emulator, app.poolId, user);
    },
  });
  return {
    get emulator() { return running.emulator; },
    get app() { return app; },
  };
}
