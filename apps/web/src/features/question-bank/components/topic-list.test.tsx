import type { TopicResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const topics: TopicResponse[] = [
  { id: 't-law', name: 'Luật Bầu cử', parentId: null },
  { id: 't-voters', name: 'Cử tri', parentId: 't-law' },
  { id: 't-lists', name: 'Danh sách cử tri', parentId: 't-voters' },
  { id: 't-labour', name: 'Bộ luật Lao động', parentId: null },
];

function bank(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...signIn(organizer),
    'GET /api/topics': () => json(topics),
    'GET /api/questions': () => json({ items: [], total: 0 }),
    ...extra,
  });
}

async function openTopics() {
  renderApp('/admin/questions');
  fireEvent.click(await screen.findByText('Chủ đề', { selector: 'summary' }));
  return within(await screen.findByRole('list', { name: 'Các chủ đề' }));
}

describe('topics in the question bank', () => {
  it('lists the topics as a tree and renames one', async () => {
    const { requests } = bank({ 'PATCH /api/topics/t-voters': () => json({ ...topics[1], name: 'Cử tri và danh sách' }) });
    const list = await openTopics();
    expect(list.getAllByRole('listitem').map((item) => [item.textContent?.replace(/Sửa$/, ''), item.style.getPropertyValue('--depth')])).toEqual([
      ['Bộ luật Lao động', '0'],
      ['Luật Bầu cử', '0'],
      ['Cử tri', '1'],
      ['Danh sách cử tri', '2'],
    ]);

    fireEvent.click(list.getByRole('button', { name: 'Sửa chủ đề Cử tri' }));
    const form = within(screen.getByRole('form', { name: 'Sửa chủ đề Cử tri' }));
    fireEvent.change(form.getByLabelText('Tên chủ đề'), { target: { value: 'Cử tri và danh sách' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Đã lưu chủ đề “Cử tri và danh sách”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ name: 'Cử tri và danh sách' });
  });

  it('moves a topic, never offering its own sub-topics, and explains a refused move', async () => {
    const { requests } = bank({
      'PATCH /api/topics/t-law': () => json({ statusCode: 409, code: 'TOPIC.CYCLE', message: 'TOPIC.CYCLE' }, 409),
      'PATCH /api/topics/t-voters': () => json({ ...topics[1], parentId: 't-labour' }),
    });
    const list = await openTopics();
    fireEvent.click(list.getByRole('button', { name: 'Sửa chủ đề Luật Bầu cử' }));
    const form = within(screen.getByRole('form', { name: 'Sửa chủ đề Luật Bầu cử' }));
    expect(within(form.getByLabelText('Thuộc chủ đề')).getAllByRole('option').map((option) => option.textContent)).toEqual(['Không — chủ đề gốc', 'Bộ luật Lao động']);
    fireEvent.change(form.getByLabelText('Thuộc chủ đề'), { target: { value: 't-labour' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu' }));
    expect(await form.findByText('Không thể chuyển chủ đề vào dưới chính nó hoặc một chủ đề con của nó.')).toBeInTheDocument();

    fireEvent.click(form.getByRole('button', { name: 'Huỷ' }));
    fireEvent.click(list.getByRole('button', { name: 'Sửa chủ đề Cử tri' }));
    const child = within(screen.getByRole('form', { name: 'Sửa chủ đề Cử tri' }));
    fireEvent.change(child.getByLabelText('Thuộc chủ đề'), { target: { value: 't-labour' } });
    fireEvent.click(child.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu chủ đề “Cử tri”.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([{ parentId: 't-labour' }, { parentId: 't-labour' }]);
  });

  it('deletes an empty topic after confirming, and says why one in use stays', async () => {
    const { requests } = bank({
      'DELETE /api/topics/t-law': () => json({ statusCode: 409, code: 'TOPIC.IN_USE', message: 'TOPIC.IN_USE' }, 409),
      'DELETE /api/topics/t-labour': () => new Response(null, { status: 204 }),
    });
    const list = await openTopics();
    fireEvent.click(list.getByRole('button', { name: 'Sửa chủ đề Luật Bầu cử' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xoá chủ đề' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Xoá chủ đề “Luật Bầu cử”?' })).getByRole('button', { name: 'Xoá chủ đề' }));
    expect(await screen.findByText('Chủ đề còn chủ đề con, còn câu hỏi (kể cả câu đã lưu trữ) hoặc đang được một vòng thi dùng để rút đề nên không xoá được.')).toBeInTheDocument();

    fireEvent.click(list.getByRole('button', { name: 'Sửa chủ đề Bộ luật Lao động' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xoá chủ đề' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Xoá chủ đề' }));
    expect(await screen.findByText('Đã xoá chủ đề “Bộ luật Lao động”.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.url.pathname)).toEqual(['/api/topics/t-law', '/api/topics/t-labour']);
  });
});
