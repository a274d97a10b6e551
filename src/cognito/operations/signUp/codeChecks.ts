import type { Constraints } from '../../constraints.js';

/** ConfirmationCodeType (API reference): 1 to 2048 non-space characters. */
export function checkCode(code: string, c: Constraints): Constraints {
  return c.length('confirmationCode', code, 1, 2048).pattern('confirmationCode', code, '[\\S]+');
}
