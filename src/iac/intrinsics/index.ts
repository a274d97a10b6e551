// The intrinsic resolver's public face: pure functions over a LoadedTemplate, no I/O, no store.
export { resolveValue } from './resolve.js';
export { resolveParameters } from './parameters.js';
export { evaluateConditions, isActive } from './conditions.js';
export { dependencies, references, referencesIn, topologicalOrder, type Reference } from './references.js';
export { Unresolved, type ParameterValue, type Pseudo, type ResolveScope, type ResourceState } from './scope.js';
