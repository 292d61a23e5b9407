import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { messageOf } from "../lib/problem";
import { ErrorMessage, Loading } from "./feedback";

/**
 * A component whose code is fetched on first use, so screens few visits need (the program
 * pages, the rule editor and its validation library) stay out of the first download.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  label = "Loading…",
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((c) => {
        loaded = c;
        return c;
      });
      pending.then(
        (c) => live && setComponent(() => c),
        (err: unknown) => {
          pending = null;
          if (live) setError(messageOf(err));
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (error) return <ErrorMessage message={error} />;
    const Component = component;
    return Component ? <Component {...props} /> : <Loading label={label} />;
  };
}
