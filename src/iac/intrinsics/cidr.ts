// Fn::Cidr [ipBlock, count, cidrBits]: `count` consecutive subnets of the block, each with `cidrBits` host bits
// (so a /(32 - cidrBits) mask), from the block's network address on. IPv4 only.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
import type { PropertyPath } from '../template.js';
import { fail, listArgument, stringOf, type Context } from './context.js';
import { resolve } from './resolve.js';

export function cidr(arg: unknown, ctx: Context, path: PropertyPath): string[] {
  const fn = 'Fn::Cidr';
  const args = listArgument(ctx, path, fn, arg, 3, 3, '[ipBlock, count, cidrBits]');
  const [block, countText, bitsText] = args.map((item, i) =>
    stringOf(ctx, path, fn, resolve(item, ctx, [...path, fn, i]), ['the ipBlock', 'the count', 'cidrBits'][i]!));
  if (block!.includes(':')) throw fail(ctx, path, fn, 'IPv6 blocks are not supported locally, only IPv4');
  const parsed = parseBlock(block!);
  if (!parsed) throw fail(ctx, path, fn, `'${block}' is not an IPv4 CIDR block like 10.0.0.0/16`);
  const count = wholeNumber(countText!);
  if (count === undefined || count < 1 || count > 256) {
    throw fail(ctx, path, fn, `the count must be between 1 and 256, got '${countText}'`);
  }
  const hostBits = wholeNumber(bitsText!);
  if (hostBits === undefined || hostBits < 1 || hostBits > 32 - parsed.prefix) {
    throw fail(ctx, path, fn, `cidrBits must be between 1 and ${32 - parsed.prefix} for a /${parsed.prefix} block, got '${bitsText}'`);
  }
  const available = 2 ** (32 - parsed.prefix - hostBits);
  if (count > available) {
    throw fail(ctx, path, fn, `${block} holds only ${available} subnets of /${32 - hostBits}, ${count} were asked for`);
  }
  const size = 2 ** hostBits;
  return Array.from({ length: count }, (_, i) => `${formatAddress(parsed.network + i * size)}/${32 - hostBits}`);
}

function parseBlock(block: string): { network: number; prefix: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const blockSize = 2 ** (32 - prefix);
  return { network: Math.floor(address / blockSize) * blockSize, prefix };
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}
