/** jq-web 0.6 (jq 1.7.0 compiled to WebAssembly) ships no types. */
declare module 'jq-web' {
  export interface JqModule {
    /** `echo INPUT | jq FLAGS FILTER`: jq's stdout minus one trailing newline; throws on a non-zero exit. */
    raw(input: string, filter: string, flags?: string[]): string | undefined;
    json(value: unknown, filter: string): unknown;
  }
  /** A thenable that resolves once the WebAssembly module is ready. */
  const jq: PromiseLike<JqModule>;
  export default jq;
}
