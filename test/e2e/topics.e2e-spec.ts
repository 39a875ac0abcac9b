import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, TopicResponse } from '@hoi-thi/contracts';
import { aSingleChoice, aTopic, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The question bank's topics in the organizers' hands (issue 17 item 3): rename, move, delete when empty, export a whole branch. */
describe('topics', () => {
  let t: TestApp;
  let organizer: AuthResponse;

  const http = () => t.http();
  const patch = (id: string, body: object) => http().patch(`/api/topics/${id}`).set(...bearer(organizer)).send(body);
  const remove = (id: string) => http().delete(`/api/topics/${id}`).set(...bearer(organizer));
  const question = async (topicId: string, text: string) => (await http().post('/api/questions').set(...bearer(organizer)).send(aSingleChoice(topicId, text)).expect(201)).body;
  const topics = async () => (await http().get('/api/topics').set(...bearer(organizer)).expect(200)).body as TopicResponse[];

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await aUserWithRoles(t, (await aUnit(t)).id, ['organizer']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('renames and moves a topic, never under itself or its own sub-topic', async () => {
    const law = await aTopic(t, organizer, 'Pháp luật');
    const election = await aTopic(t, organizer, 'Bầu cử', law.id);
    const voters = await aTopic(t, organizer, 'Cử tri', election.id);
    const other = await aTopic(t, organizer, 'Nghị quyết');
    expect((await patch(election.id, { name: '  Bầu cử  đại biểu ' }).expect(200)).body).toMatchObject({ name: 'Bầu cử đại biểu', parentId: law.id });
    expect((await patch(election.id, { parentId: other.id }).expect(200)).body.parentId).toBe(other.id);
    expect((await patch(other.id, { parentId: voters.id }).expect(409)).body.code).toBe('TOPIC.CYCLE');
    expect((await patch(other.id, { parentId: other.id }).expect(409)).body.code).toBe('TOPIC.CYCLE');
    await aTopic(t, organizer, 'Cử tri', other.id);
    expect((await patch(voters.id, { parentId: other.id }).expect(409)).body.code).toBe('TOPIC.NAME_TAKEN');
    expect((await patch(election.id, { parentId: null }).expect(200)).body.parentId).toBeNull();
    await patch(election.id, { name: '' }).expect(400);
    const member = await aUserWithRoles(t, (await aUnit(t, 'CĐCS khác')).id, ['member']);
    await http().patch(`/api/topics/${law.id}`).set(...bearer(member)).send({ name: 'x' }).expect(403);
    expect((await topics()).find((topic) => topic.id === voters.id)).toMatchObject({ parentId: election.id, name: 'Cử tri' });
  });

  it('deletes only an empty topic: no sub-topic, no question (archived ones too), no round drawing from it', async () => {
    const parent = await aTopic(t, organizer, 'Để xoá');
    const child = await aTopic(t, organizer, 'Con', parent.id);
    const withArchived = await aTopic(t, organizer, 'Có câu đã lưu trữ');
    const archived = await question(withArchived.id, 'Câu hỏi sẽ lưu trữ?');
    await http().delete(`/api/questions/${archived.id}`).set(...bearer(organizer)).expect(200);
    const drawn = await aTopic(t, organizer, 'Đang dùng để rút đề');
    await question(drawn.id, 'Câu hỏi của vòng thi?');
    const contest = await http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Thi thử', kind: 'quiz' }).expect(201);
    await http()
      .post(`/api/contests/${contest.body.id}/rounds`)
      .set(...bearer(organizer))
      .send({ title: 'Tuần 1', opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-01-08T00:00:00Z', timeLimitSeconds: 600, maxAttempts: 1, blueprint: [{ topicId: drawn.id, count: 1 }] })
      .expect(201);
    // Emptied of its question, the blueprint still holds it.
    await t.dataSource.query('UPDATE questions SET topic_id = $1 WHERE topic_id = $2', [withArchived.id, drawn.id]);

    for (const id of [parent.id, withArchived.id, drawn.id]) expect((await remove(id).expect(409)).body.code).toBe('TOPIC.IN_USE');
    await remove(child.id).expect(204);
    await remove(parent.id).expect(204);
    await remove(parent.id).expect(404);
    const left = (await topics()).map((topic) => topic.id);
    expect(left).not.toContain(parent.id);
    expect(left).toEqual(expect.arrayContaining([withArchived.id, drawn.id]));
  });

  it('searches for every word, in any order', async () => {
    const topic = await aTopic(t, organizer, 'Tìm kiếm');
    await question(topic.id, 'Tuổi tối thiểu để được bầu cử là bao nhiêu?');
    await question(topic.id, 'Ai tổ chức bầu cử?');
    const search = async (q: string) => (await http().get('/api/questions').query({ topicId: topic.id, search: q }).set(...bearer(organizer)).expect(200)).body.total;
    expect(await search('bầu cử tối thiểu')).toBe(1);
    expect(await search('thiểu TUỔI bầu')).toBe(1);
    expect(await search('BAU   CU')).toBe(2);
    expect(await search('tối thiểu tổ chức')).toBe(0);
  });

  it('exports a topic with its sub-topics; the GIFT file rebuilds them on import', async () => {
    const root = await aTopic(t, organizer, 'Luật Công đoàn');
    const chapter = await aTopic(t, organizer, 'Chương II', root.id);
    const article = await aTopic(t, organizer, 'Điều 10', chapter.id);
    await question(root.id, 'Luật Công đoàn hiện hành được thông qua năm nào?');
    await question(chapter.id, 'Chương II quy định về điều gì?');
    await question(article.id, 'Điều 10 nói về quyền gì?');

    const gift = (await http().get('/api/questions/export').query({ format: 'gift', topicId: root.id }).set(...bearer(organizer)).expect(200)).text;
    expect(gift.match(/^\$CATEGORY: .*$/gmu)).toEqual([
      '$CATEGORY: $course$/top/Luật Công đoàn',
      '$CATEGORY: $course$/top/Luật Công đoàn/Chương II',
      '$CATEGORY: $course$/top/Luật Công đoàn/Chương II/Điều 10',
    ]);
    await http().get('/api/questions/export').query({ format: 'xlsx', topicId: chapter.id }).set(...bearer(organizer)).expect(200).expect('content-type', /spreadsheetml/);

    const target = await aTopic(t, organizer, 'Nhập lại');
    const imported = await http()
      .post('/api/questions/import')
      .set(...bearer(organizer))
      .field('format', 'gift')
      .field('topicId', target.id)
      .attach('file', Buffer.from(gift), 'luat-cong-doan.gift.txt')
      .expect(201);
    expect(imported.body.created).toBe(3);
    const all = await topics();
    const child = (parentId: string, name: string) => all.find((topic) => topic.parentId === parentId && topic.name === name)!;
    const copy = child(target.id, 'Luật Công đoàn');
    expect(child(child(copy.id, 'Chương II').id, 'Điều 10')).toBeDefined();
  });
});
