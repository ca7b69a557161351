import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "data-work/", "e2e/.cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The Office.js API may only be touched by the adapter layer (and its fakes in tests).
    files: ["src/domain/**", "src/functions/**", "src/taskpane/**", "src/data/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "Excel.* hører hjemme i src/excel/ (adapterlaget)." }],
    },
  },
);
