/**
 * The image catalogue's shape (fixtures/images.yaml, checked against
 * schemas/images.schema.json). An image is data: the binaries on its PATH
 * mapped to implementation ids, its main process, what that process serves,
 * and the packages `apt install` can add (STYLE.md lesson 6).
 */
export type ServerKind = 'nginx-http' | 'httpd' | 'agnhost-netexec' | 'agnhost-serve-hostname' | 'tcp' | 'dns' | 'traefik';
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ListenSpec {
  port: number;
  /** A `--flag=N` (or `--flag N`) in the process's argv that moves the port. */
  portFlag?: string;
  protocol: Protocol;
  server: ServerKind;
}

/**
 * What a main process does, chosen by its argv[0] basename (and argv[1]):
 * `server` runs forever and listens; `forever` runs without listening;
 * `exit` ends at once with `exitCode`/`output`; `run` hands argv to the
 * executor the lab installs (curl, nslookup, sh -c ...) and ends with its
 * exit code.
 */
export interface ProcessRule {
  exe: string;
  arg?: string;
  behaviour: 'server' | 'forever' | 'exit' | 'run';
  exitCode?: number;
  output?: string;
  logs?: string;
  listen?: ListenSpec[];
}

export interface DebSpec {
  name: string;
  version: string;
  size: string;
  suite: string;
  arch?: 'amd64' | 'all';
}

export interface AptPackage {
  binaries: Record<string, string>;
  suggested?: string[];
  debs: DebSpec[];
  needGet?: string;
  diskUse?: string;
}

export interface ImageEntry {
  name: string;
  repository: string;
  tag: string;
  models: string;
  digest: string;
  size: number;
  os: 'debian-12' | 'alpine' | 'busybox' | 'scratch';
  entrypoint: string[];
  cmd: string[];
  env: string[];
  workingDir?: string;
  binaries: Record<string, string>;
  aptPackages?: Record<string, AptPackage>;
  files?: Record<string, string>;
  processes: ProcessRule[];
}

export interface AptTranscript {
  updateLines: string[];
  fetched: string;
  libcTrigger?: string;
  databaseFiles?: number;
}

export interface ImageCatalogue {
  apt?: AptTranscript;
  images: ImageEntry[];
}
