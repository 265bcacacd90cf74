export { Lab, LAB_HOME, type LabOptions } from './lab.ts';
export type { RunResult } from '../shell/index.ts';
