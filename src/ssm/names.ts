import { validation } from './errors.js';

// Parameter name rules for writes (Systems Manager user guide, "Requirements and constraints for parameter
// names"): only a-zA-Z0-9_.-/, a hierarchical name starts with "/", at most 15 levels, no "aws"/"ssm" prefix
// (case-insensitive). The wording of each rejection is AWS's, as moto and LocalStack reproduce it.

const PATH_RULE =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of ' +
  'sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';
const MAX_LEVELS = 15;

export function checkWritableName(name: string): void {
  if (name.includes('/') && !name.startsWith('/')) throw validation('Parameter name must be a fully qualified name.');
  const segments = name.startsWith('/') ? name.slice(1).split('/') : [name];
  if (segments.length > MAX_LEVELS || segments.some((s) => !/^[a-zA-Z0-9_.-]+$/.test(s))) throw validation(PATH_RULE);
  if (/^(aws|ssm)/i.test(segments[0]!)) {
    throw validation(name.startsWith('/') ? PATH_RULE : 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).');
  }
}

/**
 * GetParametersByPath's Path: "/" or a hierarchy of valid segments, with or without a trailing slash. Reads may name
 * "/aws/..." (AWS's public parameters live there), so the reserved prefixes are not checked here.
 */
export function checkPath(path: string): void {
  const segments = path.replace(/\/$/, '').split('/').slice(1);
  const valid = path.startsWith('/') && segments.every((s) => /^[a-zA-Z0-9_.-]+$/.test(s));
  if (!valid && path !== '/') {
    throw validation(
      'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". ' +
        'It can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following ' +
        'symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, ' +
        'must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
    );
  }
}
