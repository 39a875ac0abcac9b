import { blueprintCoverage } from '@hoi-thi/contest-engine';
import type { ContestResponse, RoundResponse, TopicResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp, renderWithProviders } from '../../../test/render-app';
import type { AvailabilityItem } from '../../question-bank';
import { BlueprintEditor, newBlueprintRow, type BlueprintRow } from './blueprint-editor';

const topics: TopicResponse[] = [
  { id: 't-law', name: 'Luật Bầu cử', parentId: null },
  { id: 't-congress', name: 'Nghị quyết Đại hội', parentId: null },
];
const availability: AvailabilityItem[] = [
  { topicId: 't-law', difficulty: 'easy', count: 6 },
  { topicId: 't-law', difficulty: 'medium', count: 4 },
  { topicId: 't-law', difficulty: 'hard', count: 4 },
  { topicId: 't-congress', difficulty: 'medium', count: 3 },
];

describe('blueprint check', () => {
  it('counts what the bank has for each line', () => {
    expect(blueprintCoverage([{ topicId: 't-law', count: 10 }, { topicId: 't-law', difficulty: 'hard', count: 5 }], availability)).toEqual([
      // The hard line is filled first and takes all 4 hard questions: 10 left for the "any" line.
      { inBank: 14, left: 10, short: 0 },
      { inBank: 4, left: 4, short: 1 },
    ]);
  });

  it('lets lines of the same topic compete, specific difficulties first', () => {
    expect(blueprintCoverage([{ topicId: 't-law', count: 12 }, { topicId: 't-law', difficulty: 'easy', count: 4 }], availability)).toEqual([
      { inBank: 14, left: 10, short: 2 },
      { inBank: 6, left: 6, short: 0 },
    ]);
    expect(blueprintCoverage([{ topicId: 't-unknown', count: 1 }], availability)).toEqual([{ inBank: 0, left: 0, short: 1 }]);
  });
});

function Harness({ initial, bank }: { initial: BlueprintRow[]; bank: AvailabilityItem[] | undefined }) {
  const [rows, setRows] = useState(initial);
  return <BlueprintEditor rows={rows} onChange={setRows} topics={topics} availability={bank} errorFor={() => undefined} />;
}

const line = (n: number) => screen.getByRole('group', { name: `Dòng ${String(n)}` });

describe('blueprint editor', () => {
  it('shows beside each line how many questions the bank has, and warns when it is short', () => {
    renderWithProviders(<Harness initial={[{ ...newBlueprintRow('t-law'), count: '10' }]} bank={availability} />);

    expect(within(line(1)).getByText('Ngân hàng có 14 câu — đủ.')).toBeInTheDocument();
    expect(line(1)).toHaveAccessibleDescription('Ngân hàng có 14 câu — đủ.');

    fireEvent.change(within(line(1)).getByLabelText('Số câu'), { target: { value: '20' } });
    expect(within(line(1)).getByText('Không đủ câu hỏi: cần 20, ngân hàng chỉ có 14.')).toBeInTheDocument();

    fireEvent.change(within(line(1)).getByLabelText('Mức độ'), { target: { value: 'hard' } });
    expect(within(line(1)).getByText('Không đủ câu hỏi: cần 20, ngân hàng chỉ có 4.')).toBeInTheDocument();

    fireEvent.change(within(line(1)).getByLabelText('Mức độ'), { target: { value: '' } });
    fireEvent.change(within(line(1)).getByLabelText('Số câu'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm dòng' }));
    fireEvent.change(within(line(2)).getByLabelText('Chủ đề'), { target: { value: 't-law' } });
    fireEvent.change(within(line(2)).getByLabelText('Mức độ'), { target: { value: 'easy' } });
    fireEvent.change(within(line(2)).getByLabelText('Số câu'), { target: { value: '4' } });

    expect(within(line(2)).getByText('Ngân hàng có 6 câu — đủ.')).toBeInTheDocument();
    expect(within(line(1)).getByText('Không đủ câu hỏi: cần 12; ngân hàng có 14 nhưng các dòng khác cùng chủ đề đã dùng, chỉ còn 10.')).toBeInTheDocument();
    expect(screen.getByText('Tổng: 16 câu')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Xoá dòng 2' }));
    expect(within(line(1)).getByText('Ngân hàng có 14 câu — đủ.')).toBeInTheDocument();
  });

  it('asks for a topic first, and says when it is still counting', () => {
    const { rerender } = renderWithProviders(<Harness initial={[newBlueprintRow()]} bank={availability} />);
    expect(within(line(1)).getByText('Chọn chủ đề để xem số câu trong ngân hàng.')).toBeInTheDocument();
    rerender(<Harness initial={[newBlueprintRow('t-congress')]} bank={undefined} />);
    expect(screen.getByText('Đang đếm câu hỏi trong ngân hàng…')).toBeInTheDocument();
  });
});

const round: RoundResponse = {
  id: 'r1',
  contestId: 'c1',
  position: 1,
  kind: 'quiz',
  title: 'Tuần 1',
  opensAt: '2026-11-26T07:00:00.000Z',
  closesAt: '2026-12-03T07:00:00.000Z',
  phase: 'upcoming',
  closedAt: null,
  actualValue: null,
  timeLimitSeconds: 600,
  maxAttempts: 3,
  questionCount: 17,
  blueprint: [
    { topicId: 't-law', count: 10 },
    { topicId: 't-congress', count: 7 },
  ],
  shuffleQuestions: true,
  shuffleOptions: true,
  gradingMode: 'all_or_nothing',
  predictionQuestion: null,
  predictionActual: null,
  reviewAfter: 'close',
  freezeMinutes: 30,
  prompt: null,
  rubric: null,
  judgesPerEntry: null,
  minWords: null,
  maxWords: null,
};
const contest: ContestResponse = {
  id: 'c1',
  title: 'Tìm hiểu Luật Bầu cử',
  description: null,
  kind: 'quiz',
  status: 'draft',
  eligibleUnitIds: [],
  rounds: [round],
  createdAt: '2026-11-20T00:00:00.000Z',
  publishedAt: null,
  managerIds: [organizer.id],
  canManage: true,
};

describe('contest builder', () => {
  it('explains a refused publish next to the short line', async () => {
    mockFetch({
      ...signIn(organizer),
      'GET /api/contests/c1/managers': () => json([{ id: organizer.id, fullName: organizer.fullName, email: organizer.email }]),
      'GET /api/contests/c1': () => json(contest),
      'GET /api/topics': () => json(topics),
      'GET /api/questions/availability': () => json({ items: availability }),
      'POST /api/contests/c1/publish': () =>
        json(
          {
            statusCode: 409,
            code: 'CONTEST.BLUEPRINT_UNSATISFIABLE',
            message: 'Ngân hàng câu hỏi không đủ cho dòng 2 của cấu trúc đề: cần 7 câu, chỉ có 3 câu.',
            roundId: 'r1',
            lineIndex: 1,
            topicId: 't-congress',
            difficulty: null,
            needed: 7,
            available: 3,
          },
          409,
        ),
    });
    renderApp('/admin/contests/c1');

    const shortLine = (await screen.findByText(/Dòng 2: 7 câu · Nghị quyết Đại hội/)).closest('li')!;
    expect(within(shortLine).getByText('Không đủ câu hỏi: cần 7, ngân hàng chỉ có 3.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Công bố cuộc thi' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Công bố cuộc thi?' })).getByRole('button', { name: 'Công bố cuộc thi' }));

    expect(await screen.findByText('Chưa công bố được: ngân hàng câu hỏi không đủ.')).toBeInTheDocument();
    expect(screen.getByText('Ngân hàng câu hỏi không đủ cho dòng 2 của cấu trúc đề: cần 7 câu, chỉ có 3 câu.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem dòng 2 của vòng “Tuần 1”' })).toHaveAttribute('href', '#round-r1-line-1');
    expect(within(shortLine).getByText('Hệ thống từ chối: dòng này cần 7 câu, ngân hàng chỉ có 3.')).toBeInTheDocument();
    expect(shortLine).toHaveAttribute('id', 'round-r1-line-1');
    expect(screen.getByText(/Dòng 1: 10 câu · Luật Bầu cử/).closest('li')).not.toHaveAttribute('data-short');
  });

  it('adds a quiz round with its blueprint', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/contests/c1/managers': () => json([{ id: organizer.id, fullName: organizer.fullName, email: organizer.email }]),
      'GET /api/contests/c1': () => json({ ...contest, rounds: [] }),
      'GET /api/topics': () => json(topics),
      'GET /api/questions/availability': () => json({ items: availability }),
      'POST /api/contests/c1/rounds': () => json(round, 201),
    });
    renderApp('/admin/contests/c1');

    const form = await screen.findByRole('form', { name: 'Thêm vòng thi trắc nghiệm' });
    expect(within(form).getByLabelText('Tên vòng thi')).toHaveValue('Vòng 1');
    fireEvent.change(within(form).getByLabelText('Mở lúc'), { target: { value: '2026-12-01T08:00' } });
    fireEvent.change(within(form).getByLabelText('Đóng lúc'), { target: { value: '2026-12-08T08:00' } });
    fireEvent.change(within(form).getByLabelText('Thời gian làm bài (phút)'), { target: { value: '20' } });
    fireEvent.change(within(line(1)).getByLabelText('Chủ đề'), { target: { value: 't-law' } });
    fireEvent.change(within(line(1)).getByLabelText('Điểm mỗi câu'), { target: { value: '0,5' } });
    fireEvent.change(within(form).getByLabelText('Câu hỏi dự đoán (không bắt buộc)'), { target: { value: 'Bao nhiêu người tham gia?' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu vòng thi' }));

    expect(await screen.findByText('Đã thêm vòng thi “Tuần 1”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      title: 'Vòng 1',
      // Typed on Vietnam's clock (UTC+7), whatever the browser's zone.
      opensAt: '2026-12-01T01:00:00.000Z',
      closesAt: '2026-12-08T01:00:00.000Z',
      timeLimitSeconds: 1200,
      maxAttempts: 3,
      blueprint: [{ topicId: 't-law', count: 10, points: 0.5 }],
      shuffleQuestions: true,
      shuffleOptions: true,
      gradingMode: 'all_or_nothing',
      reviewAfter: 'close',
      freezeMinutes: 30,
      predictionQuestion: 'Bao nhiêu người tham gia?',
      predictionActual: 'participants',
    });
  });

  it('warns what showing the answers "after the attempts are used up" means', async () => {
    mockFetch({
      ...signIn(organizer),
      'GET /api/contests/c1/managers': () => json([{ id: organizer.id, fullName: organizer.fullName, email: organizer.email }]),
      'GET /api/contests/c1': () => json({ ...contest, rounds: [] }),
      'GET /api/topics': () => json(topics),
      'GET /api/questions/availability': () => json({ items: availability }),
    });
    renderApp('/admin/contests/c1');
    const form = await screen.findByRole('form', { name: 'Thêm vòng thi trắc nghiệm' });
    const review = within(form).getByLabelText('Thí sinh xem đáp án');
    expect(review).toHaveValue('close');
    expect(within(form).queryByText(/có thể được chép sang bài của người khác/)).not.toBeInTheDocument();
    fireEvent.change(review, { target: { value: 'submit' } });
    expect(within(form).getByText(/có thể được chép sang bài của người khác/)).toBeInTheDocument();
    expect(review).toHaveAccessibleDescription(/không còn ai đang làm bài/);
  });
});
