export { Workspace, WorkspaceError, type EntryType } from './workspace.ts';
