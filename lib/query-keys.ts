// Every react-query key the browser uses, in one place so invalidation never misses a spelling.
export const queryKeys = {
  backends: ["backends"] as const,
};
