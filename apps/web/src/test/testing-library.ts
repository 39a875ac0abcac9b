/**
 * `@testing-library/react` as the tests import it (vite.config.ts aliases the name here): its ES
 * module build, rendering with Preact through the `react-dom` alias, with one difference that
 * follows the runtime. Preact, like the browser, runs a text field's `onChange` on its `input`
 * event (React listens to `change` too), so `fireEvent.change` on a text field or text area fires
 * `input` first, as typing does, then `change`, as leaving the field does.
 */
import { fireEvent as baseFireEvent } from '@testing-library/react/dist/@testing-library/react.esm.js';

export * from '@testing-library/react/dist/@testing-library/react.esm.js';

const typedInto = (element: Element): boolean =>
  element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !/^(checkbox|radio|file)$/.test(element.type));

const change: typeof baseFireEvent.change = (element, init) => {
  if (!typedInto(element as Element)) return baseFireEvent.change(element, init);
  const proceeded = baseFireEvent.input(element, init);
  baseFireEvent.change(element);
  return proceeded;
};

export const fireEvent = Object.assign(((element, event) => baseFireEvent(element, event)) as typeof baseFireEvent, baseFireEvent, { change });
