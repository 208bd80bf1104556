/** Stops what the global set-up started, newest first. */
export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as { __SAL_TEST_SERVERS__?: { stop(): Promise<void> }[] }).__SAL_TEST_SERVERS__ ?? [];
  for (const server of running.reverse()) await server.stop();
}
