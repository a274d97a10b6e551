import type {
  SetUserPoolMfaConfigRequest as Request,
  SetUserPoolMfaConfigResponse as Response,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { userPools, type UserPoolRecord } from '../../model/userPool.js';
import { checkFactors, checkMfaRequest, poolMfaConfig, webAuthnAfterSet } from './poolMfa.js';

/**
 * Writes the whole MFA configuration onto the pool record. A request without MfaConfiguration keeps the pool's
 * mode. SMS MFA's message and SNS settings become the pool's own (DescribeUserPool shows them), kept when the
 * request gives none. Answers what GetUserPoolMfaConfig would.
 */
export const SetUserPoolMfaConfig =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<Request, Response> =>
  async (_ctx, request) => {
    checkMfaRequest(request);
    const { UserPoolId, MfaConfiguration, SmsMfaConfiguration: sms, SoftwareTokenMfaConfiguration: totp } = request;
    const { EmailMfaConfiguration, WebAuthnConfiguration } = request;
    const pool = await store.transact(UserPoolId!, async (tx) => {
      const current = await requirePool(store, UserPoolId!);
      const mode = MfaConfiguration ?? current.MfaConfiguration ?? 'OFF';
      checkFactors(current, mode, request);
      const SmsAuthenticationMessage = sms?.SmsAuthenticationMessage ?? current.SmsAuthenticationMessage;
      const SmsConfiguration = sms?.SmsConfiguration ?? current.SmsConfiguration;
      const updated: UserPoolRecord = {
        ...current,
        MfaConfiguration: mode,
        ...(SmsAuthenticationMessage ? { SmsAuthenticationMessage } : {}),
        ...(SmsConfiguration ? { SmsConfiguration } : {}),
        MfaSettings: {
          SmsMfaEnabled: sms !== undefined,
          ...(totp ? { SoftwareTokenMfaConfiguration: { Enabled: totp.Enabled ?? false } } : {}),
          ...(EmailMfaConfiguration ? { EmailMfaConfiguration } : {}),
          WebAuthnConfiguration: webAuthnAfterSet(current.MfaSettings?.WebAuthnConfiguration, WebAuthnConfiguration),
        },
        LastModifiedDate: clock.now().getTime(),
      };
      await tx.put(store.table(userPools), updated);
      return updated;
    });
    return poolMfaConfig(pool);
  };
