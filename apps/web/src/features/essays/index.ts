import { createElement, lazy, Suspense, type ComponentProps } from 'react';

// The round page shows the panel for essay rounds only: fetched when first shown, so the quiz
// rounds' pages, in the app's first chunk, do not carry the essay editor.
const LazyEssayEntryPanel = lazy(() => import('./pages').then((module) => ({ default: module.EssayEntryPanel })));

/** The essay round's prompt and the member's entry; nothing while its code arrives (the round's rules show meanwhile). */
export function EssayEntryPanel(props: ComponentProps<typeof LazyEssayEntryPanel>) {
  return createElement(Suspense, { fallback: null }, createElement(LazyEssayEntryPanel, props));
}
