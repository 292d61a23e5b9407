import type { ClientList, ClientView } from "../../../../workers/shared/src/contracts/clients";
import { api } from "../../lib/api";
import { EmptyState, ErrorMessage, Loading, PageHeading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { ClientCard } from "./ClientCard";
import { RegisterClient } from "./RegisterClient";

export function ClientsPage() {
  const clients = useLoad(() => api<ClientList>("/v1/clients"), []);
  const items = clients.data?.items ?? [];
  const put = (client: ClientView) =>
    clients.setData((data) => {
      const list = data?.items ?? [];
      const known = list.some((c) => c.id === client.id);
      return {
        items: known ? list.map((c) => (c.id === client.id ? client : c)) : [client, ...list],
      };
    });

  return (
    <>
      <PageHeading title="API clients">API clients</PageHeading>
      <p class="lead">
        Integrations (an HR system, a student information system, a chat bot) call Tandem's API with
        tokens they sign themselves. Register each one with only the scopes it needs.
      </p>
      <div class="grid-2 wide-first">
        <section aria-labelledby="clients-t">
          <h2 id="clients-t">Registered clients</h2>
          <ErrorMessage message={clients.error} />
          {clients.loading && !clients.data ? (
            <Loading label="Loading API clients…" />
          ) : items.length === 0 && !clients.error ? (
            <EmptyState>No API clients yet.</EmptyState>
          ) : (
            <div class="stack">
              {items.map((client) => (
                <ClientCard key={client.id} client={client} onChange={put} />
              ))}
            </div>
          )}
        </section>
        <RegisterClient onRegistered={put} />
      </div>
    </>
  );
}
