import { existsSync } from 'node:fs';
import path from 'node:path';

/** The directory holding package.json: the same from sources (tsx) and from a dist/ build. */
export function projectRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
