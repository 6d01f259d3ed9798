// Every id the playground issues (media, conversations, shares, jobs, owners) is 128 random bits as
// base64url: unguessable, and saying nothing about what it names. The server makes them (lib/server/ids.ts).

export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** What a person is told when a string is not an id. */
export const ID_RULE = "22 characters of A–Z, a–z, 0–9, '-' and '_'";
