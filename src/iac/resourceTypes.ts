import { createRequire } from 'node:module';

// Which `Type`s a template may name. CloudFormation refuses a template with a type it does not know before it
// changes anything ("Template format error: Unrecognized resource types: [AWS::C]"), so a typo or a truncated file
// must never reach the apply step. The AWS types are cloudform-types' (its resource classes, 1,165 in 7.5);
// `Custom::` resources and third-party registry types (`<Org>::<Service>::<Resource>`) are the user's own.

let known: Set<string> | undefined;

/**
 * Every `AWS::` and `Alexa::` type cloudform-types has a resource class for, read on the first check: loading the
 * package takes about 290 ms, which an emulator started without templates should not pay. Loaded at run time only:
 * its type declarations are TypeScript sources that do not compile under our settings.
 */
function awsTypes(): Set<string> {
  if (known) return known;
  const cloudform = createRequire(import.meta.url)('cloudform-types') as Record<string, unknown>;
  known = new Set();
  for (const service of Object.values(cloudform)) {
    if (!service || typeof service !== 'object') continue;
    for (const resource of Object.values(service as Record<string, unknown>)) {
      if (typeof resource !== 'function') continue;
      try {
        const type = (new (resource as new (props: object) => { Type?: unknown })({})).Type;
        if (typeof type === 'string') known.add(type);
      } catch {
        // Not a resource class (a helper the namespace also exports).
      }
    }
  }
  return known;
}

export function isRecognizedType(type: string): boolean {
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return true;
  if (type.startsWith('AWS::') || type.startsWith('Alexa::')) return awsTypes().has(type);
  return /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(type);
}
