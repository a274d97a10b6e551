import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// AWS encrypts the code it hands a custom sender with the pool's KMS key, and the function decrypts it with the
// AWS Encryption SDK (developer guide, "Custom sender Lambda triggers"). Locally there is no KMS, so cogniform seals
// the code with AES-256-GCM under a key anyone can derive from the pool's KMSKeyID, and a handler opens it with
// `decryptCode` below (or the same dozen lines of its own; README, "Custom sender triggers"). The point is the
// shape of the event, not secrecy: the plaintext code is in cogniform's inbox anyway.

const PREFIX = 'cogniform-local-kms:';

/** SHA-256 of `cogniform-local-kms:<KMSKeyID>`: the local stand-in for the pool's KMS key. */
export function localKey(kmsKeyId: string | undefined): Buffer {
  return createHash('sha256').update(`${PREFIX}${kmsKeyId ?? ''}`).digest();
}

/** base64 of IV (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes). */
export function encryptCode(code: string, kmsKeyId: string | undefined): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', localKey(kmsKeyId), iv);
  const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64');
}

/** The code `encryptCode` sealed; throws when the key is not the one it was sealed with. */
export function decryptCode(encrypted: string, kmsKeyId: string | undefined): string {
  const bytes = Buffer.from(encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', localKey(kmsKeyId), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
}
