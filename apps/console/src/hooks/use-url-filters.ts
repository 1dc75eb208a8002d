import { useSearchParams } from 'react-router';

/**
 * A list's filters and page kept in the URL's query (so a filtered list can be shared and survives a
 * reload). `set` writes one filter (an empty value removes it); changing any filter but `page` goes back to
 * page 1.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  /** The value of `key` if it is one of `allowed`, else '' (no filter). */
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | '' =>
    allowed.find((value) => value === params.get(key)) ?? '';
  return { params, page, set, oneOf };
}
