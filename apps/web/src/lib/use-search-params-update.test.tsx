import { act, fireEvent, render, screen } from '@testing-library/react';
import type { NavigateOptions } from 'react-router';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import { useSearchParamsUpdate } from './use-search-params-update';

type Step = [change: (next: URLSearchParams) => void, options?: NavigateOptions];

/** A button that makes `steps` one after the other in one click, before React renders again. */
function Probe({ steps }: { steps: Step[] }) {
  const [params, update] = useSearchParamsUpdate();
  return (
    <button
      type="button"
      onClick={() => {
        for (const [change, options] of steps) update(change, options);
      }}
    >
      {params.toString() || 'none'}
    </button>
  );
}

function renderAt(path: string, steps: Step[]) {
  const router = createMemoryRouter([{ path: '/list', element: <Probe steps={steps} /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

const query = (router: ReturnType<typeof renderAt>) => Object.fromEntries(new URLSearchParams(router.state.location.search));

describe('useSearchParamsUpdate', () => {
  it('keeps both of two changes made before the page renders again (a search typed just before a role picked)', () => {
    const router = renderAt('/list?page=3', [
      [(next) => next.set('search', 'hoa')],
      [
        (next) => {
          next.set('role', 'judge');
          next.delete('page');
        },
      ],
    ]);
    fireEvent.click(screen.getByRole('button'));
    expect(query(router)).toEqual({ search: 'hoa', role: 'judge' });
    expect(screen.getByRole('button')).toHaveTextContent('search=hoa&role=judge');
  });

  it('starts from the address after a navigation made elsewhere (the back button, a link)', async () => {
    const router = renderAt('/list?search=old', [[(next) => next.set('page', '2')]]);
    fireEvent.click(screen.getByRole('button'));
    await act(() => router.navigate('/list?search=new'));
    fireEvent.click(screen.getByRole('button'));
    expect(query(router)).toEqual({ search: 'new', page: '2' });
  });

  it('replaces the history entry only when asked', () => {
    const replacing = renderAt('/list', [[(next) => next.set('page', '2'), { replace: true }]]);
    fireEvent.click(screen.getByRole('button'));
    expect(replacing.state.historyAction).toBe('REPLACE');
  });

  it('pushes a history entry by default', () => {
    const pushing = renderAt('/list', [[(next) => next.set('page', '2')]]);
    fireEvent.click(screen.getByRole('button'));
    expect(pushing.state.historyAction).toBe('PUSH');
  });
});
