// `../locales/<language>.json?part=<part>`: one part of a language file (parts.ts, vite.config.ts).
declare module '*.json?part=member' {
  const strings: Record<string, unknown>;
  export default strings;
}
declare module '*.json?part=organizer' {
  const strings: Record<string, unknown>;
  export default strings;
}
declare module '*.json?part=judging' {
  const strings: Record<string, unknown>;
  export default strings;
}
