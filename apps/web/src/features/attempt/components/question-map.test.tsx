import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QuestionMap, type MapItem } from './question-map';

const items: MapItem[] = [
  { key: 'q1', label: '1', kind: 'question', number: 1, answered: true, state: undefined },
  { key: 'q2', label: '2', kind: 'question', number: 2, answered: true, state: 'unsaved' },
  { key: 'q3', label: '3', kind: 'question', number: 3, answered: false, state: undefined },
  { key: 'prediction', label: 'DĐ', kind: 'prediction', number: 4, answered: false, state: undefined },
];

describe('question map', () => {
  it('names each step with its state and marks the current one', () => {
    render(<QuestionMap items={items} current={2} onSelect={vi.fn()} />);
    const map = screen.getByRole('navigation', { name: 'Danh sách câu hỏi' });

    expect(within(map).getByText('Đã trả lời 2/3 câu')).toBeInTheDocument();
    const first = within(map).getByRole('button', { name: 'Câu 1, Đã trả lời' });
    const second = within(map).getByRole('button', { name: 'Câu 2, Đã trả lời, chưa lưu' });
    const third = within(map).getByRole('button', { name: 'Câu 3, Chưa trả lời' });
    const prediction = within(map).getByRole('button', { name: 'DĐ: câu hỏi dự đoán, Chưa trả lời' });

    expect(first).toHaveAttribute('data-answered', 'true');
    expect(second).toHaveAttribute('data-sync', 'unsaved');
    expect(third).toHaveAttribute('data-answered', 'false');
    expect(third).toHaveAttribute('aria-current', 'step');
    expect(first).not.toHaveAttribute('aria-current');
    expect(prediction).toHaveTextContent('DĐ');
  });

  it('goes to the step that is pressed', () => {
    const onSelect = vi.fn();
    render(<QuestionMap items={items} current={0} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'Câu 3, Chưa trả lời' }));
    expect(onSelect).toHaveBeenCalledWith(2);
  });
});
