import { useQuery } from '@tanstack/react-query';
import { authApi } from '../api/auth-api';

/**
 * Whether registration needs a phone. Until it is known (or if it cannot be read) the form shows the
 * phone as optional: the server still refuses a missing one, and the form shows that next to the field.
 */
export function useRegistrationSettings() {
  return useQuery({
    queryKey: ['auth', 'registration-settings'],
    queryFn: ({ signal }) => authApi.registrationSettings(signal),
    // A server setting: it changes with a restart, not while someone fills in the form.
    staleTime: 10 * 60_000,
  });
}
