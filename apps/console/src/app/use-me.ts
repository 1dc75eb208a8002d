import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';

/** Who is signed in and whether the integration is on (banner). */
export function useMe() {
  const slug = useSlug();
  return useQuery({
    queryKey: ['me', slug],
    queryFn: () => unwrap(api.GET('/api/workspaces/{slug}/me', { params: { path: { slug } } })),
    staleTime: 30_000,
  });
}
