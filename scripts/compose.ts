// npm run compose: writes schema/supergraph.graphql, the public API schema (schema/api.graphql)
// and the possible-types map clients take (schema/possible-types.json); `--check` only verifies
// that they are current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { API_SCHEMA_PATH, POSSIBLE_TYPES_PATH, SUPERGRAPH_PATH, composeSupergraph, possibleTypesOf } from '../gateway/composition.js';

const result = composeSupergraph();
if ('errors' in result) {
  console.error(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
const apiSchema = result.apiSchema();
const outputs = [
  { path: SUPERGRAPH_PATH, text: result.supergraphSdl },
  { path: API_SCHEMA_PATH, text: `${printSchema(apiSchema)}\n` },
  { path: POSSIBLE_TYPES_PATH, text: `${JSON.stringify(possibleTypesOf(apiSchema), null, 2)}\n` },
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter((o) => (existsSync(o.path) ? readFileSync(o.path, 'utf8') : '') !== o.text);
  for (const o of stale) console.error(`${o.path} is stale: run \`npm run compose\` and commit it.`);
  if (stale.length > 0) process.exit(1);
  console.log('supergraph, API schema and possible types are current');
} else {
  for (const o of outputs) writeFileSync(o.path, o.text);
  console.log(`composed ${outputs.map((o) => o.path).join(', ')}`);
}
