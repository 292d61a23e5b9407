import { useState } from "preact/hooks";
import type { ClientView } from "../../../../workers/shared/src/contracts/clients";
import { api } from "../../lib/api";
import { formatDateTime, statusLabel } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { DataTable } from "../../ui/DataTable";
import { ConfirmDialog, ErrorMessage, FormActions, StatusMessage } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { jwkHint, readJwk } from "./RegisterClient";

interface Props {
  client: ClientView;
  onChange: (client: ClientView) => void;
}

function AddKey({ client, onChange, onDone }: Props & { onDone: () => void }) {
  const [text, setText] = useState("");
  const form = useForm(["jwk"]);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const parsed = readJwk(text);
    void form.submit(
      () => (parsed.error ? { jwk: parsed.error } : {}),
      async () => {
        const path = `/v1/clients/${encodeURIComponent(client.id)}/keys`;
        onChange(await api<ClientView>(path, { method: "POST", body: { jwk: parsed.jwk } }));
        onDone();
      },
    );
  };
  return (
    <form ref={form.formRef} class="inline-form" onSubmit={onSubmit} noValidate>
      <ErrorMessage message={form.error} />
      <TextAreaField
        label={`New public JWK for ${client.name}`}
        name="jwk"
        value={text}
        onValue={setText}
        hint={jwkHint}
        error={form.fields.jwk}
        rows={4}
      />
      <FormActions>
        <button type="submit" class="button primary small" disabled={form.busy}>
          {form.busy ? "Adding…" : "Add key"}
        </button>
        <button type="button" class="button small" onClick={onDone}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}

const revokeText =
  "The integration's next call is refused. This can't be undone; register a new client to " +
  "reconnect it.";
const removeKeyText =
  "Tokens signed with this key stop working at once. Make sure the integration already uses " +
  "its new key.";

type Pending = { kind: "revoke" } | { kind: "remove-key"; kid: string };

/** One API client: its scopes and keys, with key rotation and revocation. */
export function ClientCard({ client, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const active = client.status === "active";
  const base = `/v1/clients/${encodeURIComponent(client.id)}`;

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      if (pending.kind === "revoke") {
        onChange(await api<ClientView>(`${base}/revoke`, { method: "POST" }));
        setNote(`“${client.name}” is revoked; its next call will be refused.`);
      } else {
        const path = `${base}/keys/${encodeURIComponent(pending.kid)}`;
        onChange(await api<ClientView>(path, { method: "DELETE" }));
        setNote(`Key ${pending.kid} removed.`);
      }
      setPending(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="card client" aria-labelledby={`client-${client.id}`}>
      <header class="client-head">
        <h3 id={`client-${client.id}`}>{client.name}</h3>
        <span class={`badge badge-${client.status}`}>{statusLabel(client.status)}</span>
      </header>
      <dl class="facts">
        <dt>Client id</dt>
        <dd>
          <code class="break">{client.id}</code>
        </dd>
        <dt>Scopes</dt>
        <dd>{client.scopes.join(", ")}</dd>
        <dt>Registered</dt>
        <dd>{formatDateTime(client.createdAt)}</dd>
        {client.revokedAt && (
          <>
            <dt>Revoked</dt>
            <dd>{formatDateTime(client.revokedAt)}</dd>
          </>
        )}
        {client.jwksUrl && (
          <>
            <dt>JWKS URL</dt>
            <dd class="break">{client.jwksUrl}</dd>
          </>
        )}
      </dl>
      <StatusMessage message={note} />
      {client.keys.length > 0 && (
        <DataTable
          label={`Keys of ${client.name}`}
          variant="compact"
          columns={["Key id (kid)", "Type", "Algorithm", "Actions"]}
        >
          {client.keys.map((key) => (
            <tr key={key.kid}>
              <th scope="row" data-label="Key id" class="break">
                <code>{key.kid}</code>
              </th>
              <td data-label="Type">{key.kty}</td>
              <td data-label="Algorithm">{key.alg}</td>
              <td data-label="Actions">
                {active && client.keys.length > 1 ? (
                  <button
                    type="button"
                    class="button small"
                    onClick={() => setPending({ kind: "remove-key", kid: key.kid })}
                  >
                    Remove<span class="visually-hidden"> key {key.kid}</span>
                  </button>
                ) : (
                  <span class="muted">{active ? "Only key" : "—"}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {active && adding && (
        <AddKey client={client} onChange={onChange} onDone={() => setAdding(false)} />
      )}
      {active && !adding && (
        <FormActions>
          {!client.jwksUrl && (
            <button type="button" class="button small" onClick={() => setAdding(true)}>
              Add key<span class="visually-hidden"> to {client.name}</span>
            </button>
          )}
          <button
            type="button"
            class="button small danger"
            onClick={() => setPending({ kind: "revoke" })}
          >
            Revoke<span class="visually-hidden"> {client.name}</span>
          </button>
        </FormActions>
      )}
      {pending && (
        <ConfirmDialog
          title={
            pending.kind === "revoke" ? `Revoke “${client.name}”?` : `Remove key ${pending.kid}?`
          }
          confirmLabel={pending.kind === "revoke" ? "Revoke client" : "Remove key"}
          danger
          busy={busy}
          error={error}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>{pending.kind === "revoke" ? revokeText : removeKeyText}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
