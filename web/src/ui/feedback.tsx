import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { takeHeadingFocus } from "../lib/router";

/** The heading that last took focus after a navigation. */
let focusedHeading: HTMLElement | null = null;

/**
 * The page's h1. After an in-app navigation it takes focus (it is not in the tab order) so
 * assistive technology announces the new page; it also names the browser tab.
 */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Tandem`;
    const heading = ref.current;
    // A loading page's heading that had focus is replaced by the loaded page's: take over its
    // focus, which the browser otherwise drops to the page body.
    const replaced =
      focusedHeading !== null &&
      !focusedHeading.isConnected &&
      (document.activeElement === document.body || document.activeElement === null);
    if ((takeHeadingFocus() || replaced) && heading) {
      heading.focus();
      focusedHeading = heading;
    }
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}

/**
 * Errors for assistive technology. The live region stays in the page so that changing its
 * text is announced; it shows nothing while empty.
 */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  return (
    <div class="alert alert-error" role="alert" data-empty={message ? undefined : ""}>
      {message}
    </div>
  );
}

/** Success and progress notes ("Invitation sent"), announced politely. */
export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <div
      class="alert alert-ok"
      role="status"
      aria-live="polite"
      data-empty={message ? undefined : ""}
    >
      {message}
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function EmptyState({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>;
}

interface ConfirmProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation on the native <dialog>: focus is trapped, Escape cancels. */
export function ConfirmDialog(props: ConfirmProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Back to the button that asked, if it is still there (a revoked row's is not).
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <div class="dialog-body">{props.children}</div>
      <ErrorMessage message={props.error} />
      <FormActions>
        <button
          type="button"
          class={props.danger ? "button danger" : "button primary"}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.busy ? "Working…" : props.confirmLabel}
        </button>
        <button type="button" class="button" onClick={props.onCancel} autofocus>
          Cancel
        </button>
      </FormActions>
    </dialog>
  );
}

interface SubmitProps {
  busy: boolean;
  /** Shown while busy: "Saving…". */
  busyLabel: string;
  primary?: boolean;
  disabled?: boolean;
  children: ComponentChildren;
}

/** A form's submit button, disabled and relabelled while the form is sending. */
export function SubmitButton({ busy, busyLabel, primary, disabled, children }: SubmitProps) {
  return (
    <button type="submit" class={primary ? "button primary" : "button"} disabled={busy || disabled}>
      {busy ? busyLabel : children}
    </button>
  );
}
