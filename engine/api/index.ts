export * from './object.ts';
export * from './kinds.ts';
export { ObjectStore, StoreError, type Change, type ChangeType, type ChangeListener } from './store.ts';
