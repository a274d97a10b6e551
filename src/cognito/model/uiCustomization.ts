import type { UICustomizationType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

/** The ClientId of a pool's default branding, which every client without its own uses (SetUICustomization reference). */
export const ALL_CLIENTS = 'ALL';

/**
 * Classic hosted-UI branding of a pool (`ClientId` "ALL") or of one app client: the CSS and the logo as given (the
 * logo's bytes in base64), dates as epoch milliseconds.
 */
export interface UICustomizationRecord {
  UserPoolId: string;
  ClientId: string;
  CSS?: string;
  ImageFile?: string;
  CSSVersion: string;
  CreationDate: number;
  LastModifiedDate: number;
}

/** Keyed under the pool, so that DeleteUserPool purges them; the pool default sits at ClientId "ALL". */
export const uiCustomizations: TableSpec<UICustomizationRecord> = {
  name: 'uiCustomizations',
  key: (u) => [u.UserPoolId, u.ClientId],
};

/** The logo's media type from its first bytes; AWS takes PNG and JPEG logos (hosted UI classic branding guide). */
function mediaType(image: Buffer): string {
  if (image.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (image.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  return 'application/octet-stream';
}

/**
 * AWS answers ImageUrl as a CloudFront URL of the uploaded logo. cogniform serves no such path, so the URL is a
 * `data:` URL holding the logo itself: a real URL that a browser (or the hosted UI) shows as is.
 */
export function uiCustomizationToApi(record: UICustomizationRecord): UICustomizationType {
  const { ImageFile, CreationDate, LastModifiedDate, ...rest } = record;
  const image = ImageFile === undefined ? undefined : Buffer.from(ImageFile, 'base64');
  return {
    ...rest,
    ...(image ? { ImageUrl: `data:${mediaType(image)};base64,${ImageFile}` } : {}),
    CreationDate: new Date(CreationDate),
    LastModifiedDate: new Date(LastModifiedDate),
  };
}
