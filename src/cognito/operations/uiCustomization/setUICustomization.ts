import type { SetUICustomizationRequest, SetUICustomizationResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { serializationError } from '../../errors.js';
import {
  ALL_CLIENTS, uiCustomizations, uiCustomizationToApi, type UICustomizationRecord,
} from '../../model/uiCustomization.js';
import { checkBrandingKey, requireBrandable } from './brandingChecks.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A blob travels as base64 in AWS JSON; anything else cannot be read as one. */
function imageBytes(value: unknown): Buffer | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !BASE64.test(value)) throw serializationError("Expected base64 data at 'imageFile'");
  return Buffer.from(value, 'base64');
}

/**
 * Replaces the branding of a client, or with ClientId "ALL" (or none) the pool's default, which every client without
 * its own uses. A request with neither CSS nor ImageFile clears it (how hashicorp/terraform-provider-aws and the
 * CloudFormation handler delete one). CSS and ImageFile are each 0 to 131072 long (API reference); CSSVersion
 * is the time of the set, shaped like a domain's Version (a yyyyMMddHHmmss stamp; AWS's format is not documented).
 */
export const SetUICustomization =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<SetUICustomizationRequest, SetUICustomizationResponse> =>
  async (_ctx, request) => {
    // JSON null is an absent member in AWS JSON.
    const { UserPoolId } = request;
    const CSS = request.CSS ?? undefined;
    const ClientId = request.ClientId ?? ALL_CLIENTS;
    const image = imageBytes(request.ImageFile as unknown);
    // The blob's bytes are what its length constraint counts; a blob's value is never echoed.
    checkBrandingKey(UserPoolId!, request.ClientId ?? undefined)
      // Member paths lower the first letter only, as validate.ts does for every member: CSS is 'cSS'.
      .length('cSS', CSS, 0, 131072)
      .length('imageFile', image as unknown as unknown[] | undefined, 0, 131072, true)
      .throwIfAny();
    const table = store.table(uiCustomizations);
    const saved = await store.transact(UserPoolId!, async (tx) => {
      await requireBrandable(store, UserPoolId!, ClientId);
      const previous = await tx.get(table, [UserPoolId!, ClientId]);
      if (CSS === undefined && image === undefined) {
        if (previous) await tx.delete(table, previous);
        return undefined;
      }
      const now = clock.now();
      const record: UICustomizationRecord = {
        UserPoolId: UserPoolId!,
        ClientId,
        ...(CSS !== undefined ? { CSS } : {}),
        ...(image !== undefined ? { ImageFile: image.toString('base64') } : {}),
        CSSVersion: now.toISOString().replace(/\D/g, '').slice(0, 14),
        CreationDate: previous?.CreationDate ?? now.getTime(),
        LastModifiedDate: now.getTime(),
      };
      await tx.put(table, record);
      return record;
    });
    return { UICustomization: saved ? uiCustomizationToApi(saved) : { UserPoolId, ClientId } };
  };
