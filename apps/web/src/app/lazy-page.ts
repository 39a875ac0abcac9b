import { lazy, type ComponentType } from 'react';
import { loadLocaleParts } from '../lib/i18n';
import type { StaffPart } from '../locales/parts';

/**
 * A page fetched when first opened, with its area's strings (locales/parts.ts) in parallel.
 * React.lazy rather than the data router's `lazy`, so that the same table serves the app's
 * declarative router (`AppRoutes`, 15 KB less to download) and the tests' memory router.
 */
export function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name, part?: StaffPart) {
  return lazy(() => Promise.all([load(), part && loadLocaleParts(part)]).then(([module]) => ({ default: module[name] })));
}
