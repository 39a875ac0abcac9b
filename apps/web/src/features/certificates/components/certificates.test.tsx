import type { CertificateBatchResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render-app';
import { CertificateBatchesPanel } from './certificate-batches-panel';
import { MyCertificate } from './my-certificate';

const roundId = 'r1';
const batch = (overrides: Partial<CertificateBatchResponse> = {}): CertificateBatchResponse => ({
  id: 'b1',
  roundId,
  winners: 3,
  status: 'running',
  total: 1234,
  done: 617,
  createdAt: '2026-12-03T02:00:00.000Z',
  finishedAt: null,
  ...overrides,
});

function stubDownloads() {
  URL.createObjectURL = () => 'blob:certificate';
  URL.revokeObjectURL = () => undefined;
  return vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
}

describe("a member's certificate", () => {
  it('is offered once the member has a place on the final board, and downloads as a PDF', async () => {
    const { requests } = mockFetch({
      [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: 2, entry: null, total: 40, frozen: false, frozenAt: null }),
      [`GET /api/rounds/${roundId}/certificate`]: () =>
        new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="chung-nhan-2.pdf"' } }),
    });
    const click = stubDownloads();
    renderWithProviders(<MyCertificate roundId={roundId} />);
    const region = await screen.findByRole('region', { name: 'Giấy chứng nhận' });
    fireEvent.click(within(region).getByRole('button', { name: 'Tải giấy chứng nhận (PDF)' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    expect(requests.some((request) => request.url.pathname === `/api/rounds/${roundId}/certificate`)).toBe(true);
  });

  it('is not offered to a member without a result', async () => {
    const { requests } = mockFetch({
      [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: null, entry: null, total: 40, frozen: false, frozenAt: null }),
    });
    renderWithProviders(<MyCertificate roundId={roundId} />);
    await vi.waitFor(() => expect(requests.length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: 'Giấy chứng nhận' })).not.toBeInTheDocument();
  });
});

describe("the managers' certificate batches", () => {
  it('waits for the round to close', () => {
    mockFetch({});
    renderWithProviders(<CertificateBatchesPanel roundId={roundId} closed={false} />);
    expect(screen.getByText('Giấy chứng nhận có sau khi tổng kết vòng thi.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tạo giấy chứng nhận' })).not.toBeInTheDocument();
  });

  it('starts a batch with the number of winners, shows its progress, then its download', async () => {
    let items: CertificateBatchResponse[] = [];
    const { requests } = mockFetch({
      [`GET /api/rounds/${roundId}/certificate-batches`]: () => json({ items }),
      [`POST /api/rounds/${roundId}/certificate-batches`]: () => {
        items = [batch()];
        return json(items[0], 202);
      },
      [`GET /api/rounds/${roundId}/certificate-batches/b1/file`]: () => new Response('zip', { headers: { 'Content-Disposition': 'attachment; filename="chung-nhan.zip"' } }),
    });
    const click = stubDownloads();
    renderWithProviders(<CertificateBatchesPanel roundId={roundId} closed />);
    expect(await screen.findByText('Chưa có đợt in nào.')).toBeInTheDocument();

    const winners = screen.getByLabelText('Số người đạt giải');
    fireEvent.change(winners, { target: { value: 'ba' } });
    expect(screen.getByText('Nhập một số nguyên không âm.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tạo giấy chứng nhận' })).toBeDisabled();
    fireEvent.change(winners, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo giấy chứng nhận' }));

    expect(await screen.findByText('Đã tạo 617/1.234 giấy (50%).')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ in giấy chứng nhận' })).toHaveAttribute('value', '617');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ winners: 10 });
    // One batch at a time.
    expect(screen.getByRole('button', { name: 'Tạo giấy chứng nhận' })).toBeDisabled();

    items = [batch({ status: 'done', done: 1234, finishedAt: '2026-12-03T02:05:00.000Z' })];
    const download = await screen.findByRole('button', { name: 'Tải tệp .zip (1.234 giấy chứng nhận)' }, { timeout: 3_000 });
    fireEvent.click(download);
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
  });

  it('says when a batch stopped part-way', async () => {
    mockFetch({ [`GET /api/rounds/${roundId}/certificate-batches`]: () => json({ items: [batch({ status: 'failed' })] }) });
    renderWithProviders(<CertificateBatchesPanel roundId={roundId} closed />);
    expect(await screen.findByText('Đợt in bị dừng giữa chừng; hãy tạo lại.')).toBeInTheDocument();
  });
});
