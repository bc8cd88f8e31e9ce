/** A small hash router: `#/history`, `#/runs/12`, `#/studies/3`. Hash URLs work from file:// and http alike. */
import { readonly, ref, type Ref } from 'vue';

export type Route =
  | { name: 'experiment' }
  | { name: 'history' }
  | { name: 'run'; id: number }
  | { name: 'studies' }
  | { name: 'study'; id: number }
  | { name: 'sketchpad' }
  | { name: 'datasets' }
  | { name: 'not-found'; path: string };

/** Parses a location hash; an empty hash is the Experiment page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/experiment';
  const withId = /^\/(runs|studies)\/(\d+)$/.exec(path);
  if (withId) {
    const id = Number(withId[2]);
    return withId[1] === 'runs' ? { name: 'run', id } : { name: 'study', id };
  }
  switch (path) {
    case '/experiment':
      return { name: 'experiment' };
    case '/history':
      return { name: 'history' };
    case '/studies':
      return { name: 'studies' };
    case '/sketchpad':
      return { name: 'sketchpad' };
    case '/datasets':
      return { name: 'datasets' };
    default:
      return { name: 'not-found', path };
  }
}

export const runHref = (id: number): string => `#/runs/${id}`;
export const studyHref = (id: number): string => `#/studies/${id}`;

let current: Ref<Route> | null = null;

/** The current route, kept in step with the location hash. */
export function useRoute(): Readonly<Ref<Route>> {
  if (!current) {
    const route = ref<Route>(parseRoute(window.location.hash));
    window.addEventListener('hashchange', () => {
      route.value = parseRoute(window.location.hash);
    });
    current = route;
  }
  return readonly(current) as Readonly<Ref<Route>>;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
