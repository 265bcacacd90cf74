export { loadManifests, loadText, type LoadedDocument, type LoadOptions, type LoadResult } from './load.ts';
export type { ManifestProblem, ManifestProblemCode } from './problems.ts';
export { DEFAULT_LIMITS, type Limits } from './guards.ts';
export { K8S_YAML } from './yaml11.ts';
export { dotted } from './check.ts';
export * as kubectlText from './messages.ts';
