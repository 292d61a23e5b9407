import { useState } from "preact/hooks";
import type { ClientView } from "../../../../workers/shared/src/contracts/clients";
import {
  type ClientScope,
  clientScopes,
  scopeDescriptions,
} from "../../../../workers/shared/src/contracts/scopes";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions, StatusMessage, SubmitButton } from "../../ui/feedback";
import { RadioGroup, TextAreaField, TextField } from "../../ui/fields";
import { type FieldErrors, useForm } from "../../ui/use-form";

export const jwkHint =
  'The public key as JSON, e.g. {"kty":"EC","crv":"P-256","x":"…","y":"…"}. ES256, EdDSA ' +
  "or RS256. Never paste a private key.";

/** Parses a pasted JWK; the API judges the key itself. */
export function readJwk(text: string): { jwk?: unknown; error?: string } {
  if (!text.trim()) return { error: "Paste the public key as JSON." };
  try {
    const jwk: unknown = JSON.parse(text);
    if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk)) {
      return { error: "A JWK is a JSON object: { … }." };
    }
    return { jwk };
  } catch {
    return { error: "This is not valid JSON." };
  }
}

type KeySource = "jwk" | "jwksUrl";
const keySources: readonly (readonly [KeySource, string])[] = [
  ["jwk", "Paste a public JWK"],
  ["jwksUrl", "Fetch keys from a JWKS URL"],
];

export function RegisterClient({ onRegistered }: { onRegistered: (c: ClientView) => void }) {
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<ClientScope[]>([]);
  const [source, setSource] = useState<KeySource>("jwk");
  const [jwkText, setJwkText] = useState("");
  const [jwksUrl, setJwksUrl] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useForm(["name", "scopes", "jwk", "jwksUrl"]);

  const toggle = (scope: ClientScope) =>
    setChosen(chosen.includes(scope) ? chosen.filter((s) => s !== scope) : [...chosen, scope]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    const parsed = source === "jwk" ? readJwk(jwkText) : {};
    const check = (): FieldErrors => ({
      ...(name.trim() ? {} : { name: "Give the client a name, e.g. “HR sync”." }),
      ...(chosen.length > 0 ? {} : { scopes: "Grant at least one scope." }),
      ...(parsed.error ? { jwk: parsed.error } : {}),
      ...(source === "jwksUrl" && !jwksUrl.trim() ? { jwksUrl: "Enter the JWKS URL." } : {}),
    });
    void form.submit(check, async () => {
      const key = source === "jwk" ? { jwk: parsed.jwk } : { jwksUrl: jwksUrl.trim() };
      const client = await api<ClientView>("/v1/clients", {
        method: "POST",
        body: { name: name.trim(), scopes: chosen, ...key },
      });
      setName("");
      setChosen([]);
      setJwkText("");
      setJwksUrl("");
      setDone(`Registered “${client.name}”. Its client id is ${client.id}.`);
      onRegistered(client);
    });
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate aria-labelledby="reg-t">
      <h2 id="reg-t">Register an API client</h2>
      <p class="muted">
        An integration signs its own short-lived JWTs with its private key; Tandem only keeps the
        public key.
      </p>
      <ErrorMessage message={form.error} />
      <StatusMessage message={done} />
      <TextField
        label="Name"
        name="name"
        value={name}
        onValue={setName}
        error={form.fields.name}
        maxLength={100}
        required
      />
      <fieldset class="choice" aria-describedby={form.fields.scopes ? "scopes-error" : undefined}>
        <legend>Scopes</legend>
        {clientScopes.map((scope) => (
          <label key={scope} class="checkbox">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              checked={chosen.includes(scope)}
              aria-invalid={form.fields.scopes ? "true" : undefined}
              onChange={() => toggle(scope)}
            />{" "}
            <code>{scope}</code> — {scopeDescriptions[scope]}
          </label>
        ))}
        {form.fields.scopes && (
          <p id="scopes-error" class="field-error">
            {form.fields.scopes}
          </p>
        )}
      </fieldset>
      <RadioGroup
        legend="Public key"
        name="key-source"
        value={source}
        onValue={setSource}
        options={keySources}
      />
      {source === "jwk" ? (
        <TextAreaField
          label="Public JWK"
          name="jwk"
          value={jwkText}
          onValue={setJwkText}
          hint={jwkHint}
          error={form.fields.jwk}
          rows={5}
        />
      ) : (
        <TextField
          label="JWKS URL"
          name="jwksUrl"
          type="url"
          value={jwksUrl}
          onValue={setJwksUrl}
          hint="An https URL on a host your platform operator has allowed."
          error={form.fields.jwksUrl}
          spellcheck={false}
        />
      )}
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Registering…" primary>
          Register client
        </SubmitButton>
      </FormActions>
    </form>
  );
}
