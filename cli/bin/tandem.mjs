#!/usr/bin/env node
// The operator CLI runs from TypeScript source through tsx, like the Node host.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
