/**
 * What the API client learns about the session while it talks to the server, for the parts of the
 * app that must react (the auth provider, the layout) without the client knowing about React.
 */
export type SessionEvent =
  /** The session is over (refresh refused, account disabled): the tokens are already cleared. */
  | { type: 'ended'; code: string }
  /** 403 AUTH.PASSWORD_CHANGE_REQUIRED: the account must change its temporary password first. */
  | { type: 'password-change-required' };

type Listener = (event: SessionEvent) => void;

const listeners = new Set<Listener>();

export const sessionEvents = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  emit(event: SessionEvent): void {
    for (const listener of [...listeners]) listener(event);
  },
};
