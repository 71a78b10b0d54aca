import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Many tests start real servers and child processes (tsx, git, Chromium) on a 2-core machine:
    // generous limits keep them from failing on a busy host, without hiding a hang.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
