export default async function globalTeardown(): Promise<void> {
  await globalThis.__HOITHI_PG__?.stop();
}
