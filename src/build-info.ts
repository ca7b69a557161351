// Facts fixed at build time (webpack DefinePlugin); jest and tsx see the fallbacks.
declare const __ADDIN_VERSION__: string | undefined;
declare const __OFFICE_JS_SOURCE__: "cdn" | "local" | undefined;

export const ADDIN_VERSION: string = typeof __ADDIN_VERSION__ === "string" ? __ADDIN_VERSION__ : "dev";

/** Where the pages load office.js from: Microsoft's CDN (default) or the self-hosted npm copy. */
export const OFFICE_JS_SOURCE: "cdn" | "local" = typeof __OFFICE_JS_SOURCE__ === "string" ? __OFFICE_JS_SOURCE__ : "local";
