import { useNavigate } from 'react-router';
import { useAuth } from './auth-context';

/** Ending the session from a page, and where the visitor goes after. */
export function useLeaveSession() {
  const navigate = useNavigate();
  const auth = useAuth();
  return {
    /**
     * "Đăng xuất": this session ends (on the server too), home. Home is shown first, so that a page
     * for signed-in users left behind does not send the now anonymous visitor to the login page.
     */
    signOut: () => {
      void Promise.resolve(navigate('/', { flushSync: true })).then(() => {
        auth.signOut();
      });
    },
    /** After "log out on all devices" (the server has ended every session): the login page. */
    forgetSession: () => {
      auth.forgetSession();
      void navigate('/login', { flushSync: true, replace: true });
    },
  };
}
