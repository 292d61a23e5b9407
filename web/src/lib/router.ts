import { Store, useStore } from "./store";

export interface Location {
  path: string;
  search: string;
  hash: string;
}

const read = (): Location => ({
  path: window.location.pathname,
  search: window.location.search,
  hash: window.location.hash,
});

export const location = new Store<Location>(read());

// The first page load keeps the browser's own focus; every later navigation moves focus to
// the new page's heading so screen-reader and keyboard users know where they are.
let focusHeadingNext = false;
let navigations = 0;

/** True until the first in-app navigation: the page was opened or reloaded just now. */
export const isFirstPage = () => navigations === 0;

export function takeHeadingFocus(): boolean {
  const take = focusHeadingNext;
  focusHeadingNext = false;
  return take;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  const target = url.pathname + url.search + url.hash;
  if (opts.replace) window.history.replaceState(null, "", target);
  else window.history.pushState(null, "", target);
  focusHeadingNext = true;
  navigations += 1;
  window.scrollTo(0, 0);
  location.set(read());
}

window.addEventListener("popstate", () => {
  focusHeadingNext = true;
  navigations += 1;
  location.set(read());
});

/** Paths the web client draws itself; anything else (the API, files) is a real request. */
export const isAppPath = (path: string) => /^\/(o\/|dev\/mail$|$)/.test(path);

// Plain <a href="/…"> links inside the app navigate without a page load.
document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.("a");
  if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || !isAppPath(url.pathname)) return;
  // In-page links (#main) keep the browser's own behaviour.
  if (url.pathname === window.location.pathname && url.hash && !url.search) return;
  event.preventDefault();
  navigate(url.href);
});

export const useLocation = (): Location => useStore(location);

/** The values in a `#token=…` style fragment. */
export function fragmentParam(hash: string, name: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get(name);
}
