import { routeTable } from "../../support/routes/index";
import { runSecuritySuite } from "../../support/security";

// Every route against forged credentials, other tenants, missing scopes and bad input.
runSecuritySuite(routeTable);
