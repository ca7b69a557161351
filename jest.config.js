// Three projects: pure/unit tests (node), React components (jsdom), and the built pane in headless
// Chromium (e2e; needs `npm run build` first — scripts/test.mjs takes care of that).
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }];

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
      setupFiles: ["<rootDir>/test/setup-custom-functions.ts"],
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/setup-dom.ts"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/e2e/**/*.test.ts"],
      setupFilesAfterEnv: ["<rootDir>/e2e/setup-timeout.ts"],
      globalSetup: "<rootDir>/e2e/global-setup.ts",
      globalTeardown: "<rootDir>/e2e/global-teardown.ts",
    },
  ],
};
