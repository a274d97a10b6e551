import type { FastifyReply } from 'fastify';
import type { S3Core } from '../core.js';
import { malformedXml } from '../errors.js';
import { deleteObjects } from '../objects.js';
import { readXml, sendXml, type S3Request } from './protocol.js';

// DeleteObjects (`POST /<bucket>?delete`): up to 1000 keys; every key is reported `<Deleted>` whether it existed or
// not, and Quiet mode reports only errors (S3 API reference, DeleteObjects).
const MAX_KEYS = 1000;

export async function DeleteObjects(core: S3Core, req: S3Request, reply: FastifyReply): Promise<FastifyReply> {
  const body = await readXml(req.raw, ['Object']);
  const objects: unknown = body?.Delete?.Object;
  if (!Array.isArray(objects) || !objects.length || objects.length > MAX_KEYS) throw malformedXml();
  const keys = objects.map((o: { Key?: unknown }) => o?.Key);
  if (!keys.every((key): key is string => typeof key === 'string')) throw malformedXml();
  await deleteObjects(core, req.bucket, keys);
  const quiet = String(body!.Delete.Quiet ?? '').toLowerCase() === 'true';
  return sendXml(reply, 200, 'DeleteResult', quiet ? {} : { Deleted: keys.map((Key) => ({ Key })) });
}
