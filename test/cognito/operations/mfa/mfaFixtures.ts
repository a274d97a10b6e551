import {
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  type SetUserPoolMfaConfigRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import type { TestEmulator } from '../../../helpers/emulator.js';
import { signedIn, type SignedIn } from '../profile/profileFixtures.js';

// TOTP codes computed as an authenticator app would (RFC 6238 through otpauth, independent of the server's check),
// and users enrolled through the operations themselves.

export const SMS = { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms', ExternalId: 'ext', SnsRegion: 'us-east-1' };

/** The code for `secret` now, or `steps` periods of 30 seconds away. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** Six digits that are none of the codes within a step of now. */
export function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((steps) => totpCode(secret, steps)));
  let code = 0;
  while (near.has(String(code).padStart(6, '0'))) code += 1;
  return String(code).padStart(6, '0');
}

export const setPoolMfa = (emulator: TestEmulator, poolId: string, config: Partial<SetUserPoolMfaConfigRequest>) =>
  emulator.client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, ...config }));

/** A signed-in user of a pool with optional TOTP MFA (and SMS when `sms`). */
export async function totpPoolUser(emulator: TestEmulator, options: Parameters<typeof signedIn>[1] = {}, sms = false) {
  const who = await signedIn(emulator, options);
  await setPoolMfa(emulator, who.poolId, {
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    ...(sms ? { SmsMfaConfiguration: { SmsConfiguration: SMS } } : {}),
  });
  return who;
}

export interface Authenticator {
  secret: string;
  /** The code VerifySoftwareToken spent: sign-in must use a later one (totpCode(secret, 1)). */
  spent: string;
}

/** Associates and verifies an authenticator with the access token. */
export async function verifiedToken(emulator: TestEmulator, who: SignedIn): Promise<Authenticator> {
  const AccessToken = who.tokens.AccessToken!;
  const { SecretCode } = await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  const spent = totpCode(SecretCode!);
  await emulator.client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: spent }));
  return { secret: SecretCode!, spent };
}

/** verifiedToken, then TOTP turned on (and preferred when `preferred`). */
export async function totpEnabled(emulator: TestEmulator, who: SignedIn, preferred = true): Promise<Authenticator> {
  const authenticator = await verifiedToken(emulator, who);
  await emulator.client.send(new SetUserMFAPreferenceCommand({
    AccessToken: who.tokens.AccessToken!, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: preferred },
  }));
  return authenticator;
}
