/**
 * The words kubectl prints for manifest problems. Sources:
 * - staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, "error: …")
 * - staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go
 *   (`the path %q does not exist`, `error parsing %s: %v`, `unable to decode %q: %v`)
 * - cli-runtime mapper.go: `resource mapping not found for name: %q namespace: %q from %q: %v\nensure CRDs are installed first`
 * - sigs.k8s.io/yaml (`error converting YAML to JSON: yaml: line N: …`)
 * - apiserver pkg/endpoints/handlers (`%s in version %q cannot be handled as a %s: %v`),
 *   sigs.k8s.io/json strict errors (`strict decoding error: unknown field "spec.portss"`),
 *   encoding/json UnmarshalTypeError (`json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`).
 */

export const pathNotFound = (path: string): string => `error: the path "${path}" does not exist`;

export const yamlError = (file: string, detail: string): string => `error: error parsing ${file}: error converting YAML to JSON: yaml: ${detail}`;

export const decodeError = (file: string, detail: string): string => `error: unable to decode "${file}": ${detail}`;

export function noMatchForKind(file: string, name: string, namespace: string, kind: string, apiVersion: string): string {
  return `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
}

/** runtime.NewStrictDecodingError / the handler's "cannot be handled as" wrapper. */
export function cannotBeHandled(kind: string, apiVersion: string, detail: string): string {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}

export const strictDecoding = (fields: string[]): string => `strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`;

export const serverBadRequest = (file: string, serverMessage: string, verb = 'creating'): string =>
  `Error from server (BadRequest): error when ${verb} "${file}": ${serverMessage}`;

/** go-yaml's words for the yaml package's error codes (closest equivalents). */
export function goYamlWords(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'MISSING_CHAR':
      if (/quote|"|'/i.test(message)) return 'found unexpected end of stream';
      // A line indented between a sequence item's keys and its `-`: go-yaml's parser meets a new mapping.
      return /sequence item without/i.test(message) ? 'did not find expected key' : 'did not find expected node content';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'could not find expected \':\'';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return /:/.test(message) || /mapping/i.test(message) ? 'mapping values are not allowed in this context' : 'did not find expected key';
    case 'BAD_INDENT':
      return 'did not find expected key';
    case 'BAD_ALIAS':
      return 'found undefined alias';
    case 'DUPLICATE_KEY':
      return 'key already set in map';
    default:
      return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  }
}

/**
 * The line go-yaml v2 names for a problem that the yaml package places on
 * 1-based line `line` of `lines` (the document's own lines, `---` chunk
 * first line = 1). sigs.k8s.io/yaml goyaml.v2 decode.go (v1.4.0) `fail()`:
 * the problem mark's line is 0-based and only scanner errors add one, so a
 * parser error (`did not find expected key`, `... node content`) names the
 * line above the offending token; scanner errors name the scanner's position:
 * for `could not find expected ':'` (scannerc.go, simple key gone stale) that
 * is the next token's line, after the key. 0 means go-yaml prints no line.
 */
export function goYamlLine(words: string, line: number, lines: readonly string[]): number {
  if (/^did not find expected/.test(words)) return line - 1;
  if (words === "could not find expected ':'") {
    for (let i = line; i < lines.length; i++) if (!/^\s*(#.*)?$/.test(lines[i]!)) return i + 1;
    return lines.length + 1;
  }
  return line;
}

/** `line N: words`, or the words alone when go-yaml has no line for them. */
export const goYamlWhere = (line: number, words: string): string => (line > 0 ? `line ${line}: ${words}` : words);
