import { useCallback, useLayoutEffect, useRef } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router';

type Change = (next: URLSearchParams) => void;

/**
 * The address's query and a way to change part of it. React Router hands a functional update the
 * query of the last render, not of the last navigation, so two changes before the page renders again
 * would lose the first (a search typed just before a role is picked); this starts from the latest.
 */
export function useSearchParamsUpdate(): [URLSearchParams, (change: Change, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  // A navigation made elsewhere (back button, a link) renders with new params: start from those.
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const update = useCallback(
    (change: Change, options?: NavigateOptions) => {
      const next = new URLSearchParams(latest.current);
      change(next);
      latest.current = next;
      setParams(next, options);
    },
    [setParams],
  );
  return [params, update];
}
