/**
 * Whether a text may run jq: the word `jq` as a command name or path
 * (`… | jq .`, `kubectl exec … -- jq`, `/usr/bin/jq`), not inside another
 * word (`jq-web`, `jquery`, `.jq`). Labs load jq's WebAssembly only then.
 */
const JQ_WORD = /(^|[^\w.-])jq($|[^\w.-])/;

export function mayUseJq(text: string): boolean {
  return JQ_WORD.test(text);
}
