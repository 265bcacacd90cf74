export { Clock, DEFAULT_START, toRfc3339 } from './clock.ts';
export { Random, SAFE_ALPHABET, fnv32a } from './random.ts';
