import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../test/fetch-mock';
import { renderApp } from '../test/render-app';

describe('language switch', () => {
  it('shows Vietnamese first', async () => {
    mockFetch({ 'GET /api/contests': () => json({ items: [], total: 0 }) });

    renderApp('/');

    expect(await screen.findByText('Chưa có cuộc thi nào đang diễn ra.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Cuộc thi' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('switches the visible text, the page language and what the API is asked for', async () => {
    const { requests } = mockFetch({
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'GET /api/units': () => json([]),
    });
    renderApp('/');
    await screen.findByText('Chưa có cuộc thi nào đang diễn ra.');

    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });

    expect(await screen.findByRole('heading', { name: 'Contests' })).toBeInTheDocument();
    expect(screen.getByText('There are no contests running right now.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Language')).toHaveValue('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('hoi-thi.language')).toBe('en');

    fireEvent.click(screen.getByRole('link', { name: 'Register' }));
    await screen.findByRole('heading', { name: 'Create an account' });
    expect(requests.at(-1)?.headers.get('Accept-Language')).toBe('en');
  });
});
