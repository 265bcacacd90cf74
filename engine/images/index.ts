export { containerRuntime, ContainerRuntime, pullErrorMessage, type Executor, type ImageInfo, type Listener, type StartResult, type LogsResult, type PackageState } from './runtime.ts';
export { CATALOGUE, addImage, findImage, parseImageRef, validateCatalogue, validateImage, type ImageRef, type CatalogueProblem } from './catalogue.ts';
export type { ImageEntry, ImageCatalogue, ProcessRule, ListenSpec, ServerKind, AptPackage } from './catalogue-types.ts';
export { classify, mainArgv, sleepMs, type MainBehaviour } from './process.ts';
export { serve, httpDate, type HttpRequest, type HttpResponse } from './http.ts';
export { hostsFile } from './etc-files.ts';
export { aptCommand, imageBinaries } from './apt.ts';
