// Every react-query key the browser uses, in one place so invalidation never misses a spelling.
export const queryKeys = {
  backends: ["backends"] as const,
  snippetTarget: (backendId: string) => ["backends", backendId, "snippet-target"] as const,
  conversationLists: ["conversations", "list"] as const,
  conversationList: (q: string) => ["conversations", "list", q] as const,
  conversation: (id: string) => ["conversations", "one", id] as const,
  generationList: ["generations", "list"] as const,
  generation: (id: string) => ["generations", "one", id] as const,
  /** Images and videos of this browser's recent saved chats, for the Generate input picker. */
  chatMedia: ["conversations", "media"] as const,
};
