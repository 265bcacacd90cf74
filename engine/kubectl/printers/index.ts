/**
 * kubectl's output printers as pure functions of API objects and the
 * simulated time: tables (`get`, `-o wide`, `--show-labels`, `-A`, `get
 * all`), `-o json`, `-o yaml`, `-o jsonpath`, `-o custom-columns`,
 * `describe`, and the Go-compatible building blocks under them (tabwriter,
 * HumanDuration, encoding/json, go-yaml v2).
 */
export { TabWriter, TABLE_TABWRITER, DESCRIBE_TABWRITER, RememberWidths, DiscardEmptyColumns, runeLength, tabwrite, type TabWriterOptions } from './tabwriter.ts';
export { humanDuration, shortHumanDuration, translateTimestampSince, translateTimestampUntil, parseTimestamp } from './duration.ts';
export { printTable, printTables, tableText, kindPrefix, escapeCell, noResourcesMessage, type TableOptions, type TableGroup } from './table-printer.ts';
export * from './tables/index.ts';
export { goJsonMarshal, goJsonIndent, goJsonString, goJsonNumber, goFormatFloat, compareGoStrings, printJson, listObject, type JsonValue } from './gojson.ts';
export { toKubectlYaml } from './yaml.ts';
export { canUsePlain, isYamlTimestamp, yamlKeyLess, compareYamlKeys } from './yaml-resolve.ts';
export { printJsonPath, goQuote, JsonPath, JsonPathError, parseJsonPath, goPrint, goSprint, type JsonPathResult, type JsonPathOptions } from './jsonpath/index.ts';
export { printCustomColumns, parseCustomColumns, relaxedJsonPathExpression, type CustomColumn, type CustomColumnsResult } from './customcolumns.ts';
export { describeObject, DESCRIBED_KINDS, type DescribeContext, type DescribeResult } from './describe/index.ts';
