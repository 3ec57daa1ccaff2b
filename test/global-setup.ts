import { ensureTemplate } from './db-template.js';

/** Builds (once per migration set) the template database test files clone. */
export default async function setup(): Promise<void> {
  process.env.TEST_TEMPLATE_DB = await ensureTemplate();
}
