// npm run compose: writes schema/supergraph.graphql; `--check` only verifies it is current.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/composition.js';

const result = composeSupergraph();
if ('errors' in result) {
  console.error(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (committed !== result.supergraphSdl) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it.');
    process.exit(1);
  }
  console.log('supergraph is current');
} else {
  writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
  console.log(`composed ${SUPERGRAPH_PATH}`);
}
