// Stands in for Node's types in the Workers' type check (tsconfig.workers.json): some
// libraries' declarations reference them, which would let Worker code use Node globals
// unnoticed. Worker code must type-check without them.
export {};
