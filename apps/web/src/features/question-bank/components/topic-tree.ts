import type { TopicResponse } from '@hoi-thi/contracts';

export interface TopicOption {
  id: string;
  name: string;
  depth: number;
  /** "Parent › Child": what a select shows, since options cannot be indented reliably. */
  path: string;
}

/**
 * Topics as a tree, depth first, siblings by name. GIFT `$CATEGORY` imports make sub-topics, so a
 * name alone can repeat; the path tells them apart. A missing parent or a cycle cannot loop.
 */
export function topicOptions(topics: readonly TopicResponse[]): TopicOption[] {
  const ids = new Set(topics.map((topic) => topic.id));
  const children = new Map<string | null, TopicResponse[]>();
  for (const topic of topics) {
    const parent = topic.parentId !== null && ids.has(topic.parentId) ? topic.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), topic]);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const options: TopicOption[] = [];
  const placed = new Set<string>();
  const visit = (topic: TopicResponse, depth: number, prefix: string) => {
    if (placed.has(topic.id)) return;
    placed.add(topic.id);
    const path = prefix ? `${prefix} › ${topic.name}` : topic.name;
    options.push({ id: topic.id, name: topic.name, depth, path });
    for (const child of children.get(topic.id) ?? []) visit(child, depth + 1, path);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, '');
  for (const topic of topics) visit(topic, 0, '');
  return options;
}

/** Topic id → its path, for labels in lists. */
export function topicNames(topics: readonly TopicResponse[]): Map<string, string> {
  return new Map(topicOptions(topics).map((option) => [option.id, option.path]));
}

/** A topic's sub-topics, all the way down (a topic cannot move under any of them). */
export function subTopicIds(topics: readonly TopicResponse[], topicId: string): Set<string> {
  const found = new Set<string>();
  const stack = [topicId];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    for (const topic of topics) {
      if (topic.parentId === parent && !found.has(topic.id) && topic.id !== topicId) {
        found.add(topic.id);
        stack.push(topic.id);
      }
    }
  }
  return found;
}
