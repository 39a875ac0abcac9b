import type { CreateQuestionRequest, CreateTopicRequest, UpdateQuestionRequest, UpdateTopicRequest } from '@hoi-thi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { questionBankApi, type ImportRequest, type QuestionFilters } from '../api/question-bank-api';

export const bankKeys = {
  all: ['question-bank'] as const,
  topics: ['question-bank', 'topics'] as const,
  list: (filters: QuestionFilters) => ['question-bank', 'questions', filters] as const,
  question: (id: string) => ['question-bank', 'question', id] as const,
  availability: ['question-bank', 'availability'] as const,
};

export function useTopics() {
  return useQuery({ queryKey: bankKeys.topics, queryFn: ({ signal }) => questionBankApi.topics(signal), staleTime: 60_000 });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTopicRequest) => questionBankApi.createTopic(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bankKeys.topics }),
  });
}

export function useUpdateTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTopicRequest) => questionBankApi.updateTopic(id, body),
    // Topic paths show in lists, filters and blueprints.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bankKeys.all }),
  });
}

export function useDeleteTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => questionBankApi.deleteTopic(id), onSuccess: () => queryClient.invalidateQueries({ queryKey: bankKeys.all }) });
}

export function useQuestions(filters: QuestionFilters) {
  return useQuery({
    queryKey: bankKeys.list(filters),
    queryFn: ({ signal }) => questionBankApi.list(filters, signal),
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useQuestion(id: string | undefined) {
  return useQuery({
    queryKey: bankKeys.question(id ?? ''),
    queryFn: ({ signal }) => questionBankApi.get(id!, signal),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

/** Live counts per (topic, difficulty); polled while the round builder is open. */
export function useAvailability() {
  return useQuery({
    queryKey: bankKeys.availability,
    queryFn: ({ signal }) => questionBankApi.availability(signal),
    staleTime: 5_000,
    refetchInterval: 30_000,
  });
}

/** Every change to the bank: lists, counts and the question itself are stale. */
function useInvalidateBank() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: bankKeys.all });
}

export function useSaveQuestion(id: string | undefined) {
  const invalidate = useInvalidateBank();
  return useMutation({
    mutationFn: (body: CreateQuestionRequest | UpdateQuestionRequest) =>
      id ? questionBankApi.update(id, body) : questionBankApi.create(body as CreateQuestionRequest),
    onSuccess: invalidate,
  });
}

export function useArchiveQuestion() {
  const invalidate = useInvalidateBank();
  return useMutation({ mutationFn: (id: string) => questionBankApi.archive(id), onSuccess: invalidate });
}

export function useImportQuestions() {
  const invalidate = useInvalidateBank();
  return useMutation({
    mutationFn: (request: ImportRequest) => questionBankApi.import(request),
    onSuccess: (report) => {
      if (!report.dryRun) void invalidate();
    },
  });
}
