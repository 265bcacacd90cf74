/**
 * After `npm test` has run the labs: the reports that run wrote must be
 * valid, report.json against schemas/report.schema.json and results.json
 * against schemas/results.schema.json (Gradescope's format), and junit.xml
 * well-formed XML. Usage: node --import tsx scripts/check-reports.ts [DIR]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';

const dir = process.argv[2] ?? 'kube-netlab-report';
const root = join(import.meta.dirname, '..');
let failed = false;

function check(file: string, schemaFile: string): void {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', schemaFile), 'utf8')));
  const data: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (validate(data)) {
    console.log(`check-reports: ${join(dir, file)} is valid against schemas/${schemaFile}`);
  } else {
    failed = true;
    for (const e of validate.errors ?? []) console.error(`check-reports: ${join(dir, file)}${e.instancePath}: ${e.message}`);
  }
}

check('report.json', 'report.schema.json');
check('results.json', 'results.schema.json');
const xml = XMLValidator.validate(readFileSync(join(dir, 'junit.xml'), 'utf8'));
if (xml === true) console.log(`check-reports: ${join(dir, 'junit.xml')} is well-formed`);
else {
  failed = true;
  console.error(`check-reports: ${join(dir, 'junit.xml')}: ${xml.err.msg} (line ${xml.err.line})`);
}
process.exit(failed ? 1 : 0);
