import type { Server } from "node:http";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __e2eServer?: Server }).__e2eServer;
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
}
