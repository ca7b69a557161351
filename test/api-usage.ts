// Which Office.js members the add-in's code uses, which requirement set each one needs, and whether a
// runtime check covers it. The sets come from the `[Api set: ExcelApi 1.x]` / `[Api set:
// CustomFunctionsRuntime 1.x]` annotations (and the common API's `**Requirement set**:` lines) in
// @types/office-js and @types/custom-functions-runtime, read from the declaration the type checker
// resolves each use to. One ts.Program over tsconfig.json's source files; used by test/api-sets.test.ts.
//
// Guards recognised (they cover members whose set is at most 1.N):
//   if (supports("1.N")) { … }                       then-branch (else-branch of `if (!supports(…))`)
//   if (!supports("1.N")) return …;                  rest of the same block and of every block inside it
//   if (a || !supports("1.N")) return …;             likewise
//   if (a && supports("1.N")) { … }                  then-branch
//   supports("1.N") ? a : b                          a
//   supports("1.N") && f()                           f()
// `Office.context.requirements.isSetSupported("Name", "1.N")` works the same for the set Name.
import * as path from "node:path";
import * as ts from "typescript";

export interface ApiSet {
  readonly name: string;
  /** "1.6", or "Preview". */
  readonly version: string;
}

export type Access = "read" | "write" | "call" | "new" | "load";

export interface Usage {
  /** Path relative to the project folder, with forward slashes. */
  readonly file: string;
  readonly line: number;
  /** "Range.conditionalFormats", "CustomFunctions.ErrorCode.notAvailable", "Office.Context.diagnostics". */
  readonly member: string;
  readonly access: Access;
  /** The set this use needs; null when the declaration names none. */
  readonly set: ApiSet | null;
  /** Why the set is higher than the member's first annotated version (a documented variant), if it is. */
  readonly variant?: string;
  /** Requirement checks in force at this point: set name → version. */
  readonly guards: Readonly<Record<string, string>>;
}

export interface Limits {
  /** ExcelApi version the manifest declares (EXCEL_API_FLOOR). */
  readonly excelApiFloor: string;
  /** CustomFunctionsRuntime version the manifest declares. */
  readonly customFunctionsRuntime: string;
}

const TYPES_DIRS = [`${path.sep}@types${path.sep}office-js${path.sep}`, `${path.sep}@types${path.sep}custom-functions-runtime${path.sep}`];

// ---------------------------------------------------------------------------------------------------
// Versions and annotations

/** Compares "1.4" and "1.10" numerically; "Preview" is above every number. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] => (v === "Preview" ? [Infinity] : v.split(".").map(Number));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const maxVersion = (a: string, b: string): string => (compareVersions(a, b) >= 0 ? a : b);

interface Annotation {
  readonly base: ApiSet;
  /** Later parts of the annotation: "1.8 for set", "1.15 for adding `alwaysInsert` parameter". */
  readonly variants: readonly { version: string; text: string }[];
}

/** Parses the text inside `[Api set: …]` (or a common-API requirement line). */
export function parseAnnotation(inner: string): Annotation | null {
  const first = /([A-Za-z][A-Za-z]*)\s+(\d+\.\d+|Preview)\b/.exec(inner);
  if (!first) return null;
  const segments = inner.split(/;|,(?=\s*\d+\.\d+\s)/).slice(1);
  const variants = segments.flatMap((text) => {
    const v = /\b(\d+\.\d+)\b/.exec(text);
    return v ? [{ version: v[1] as string, text: text.trim() }] : [];
  });
  return { base: { name: first[1] as string, version: first[2] as string }, variants };
}

interface MemberDoc {
  readonly main: Annotation | null;
  /** `@param name … [Api set: …]` annotations, by parameter name. */
  readonly params: ReadonlyMap<string, { annotation: Annotation; text: string }>;
}

const docCache = new Map<ts.Node, MemberDoc>();

function jsDocText(decl: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(decl).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  return doc ? doc.getSourceFile().text.slice(doc.pos, doc.end) : "";
}

function memberDoc(decl: ts.Node): MemberDoc {
  const cached = docCache.get(decl);
  if (cached) return cached;
  const text = jsDocText(decl);
  const params = new Map<string, { annotation: Annotation; text: string }>();
  const paramRe = /@param\s+(\w+)([\s\S]*?)(?=@param|@returns?\b|@remarks|\*\/|$)/g;
  for (const m of text.matchAll(paramRe)) {
    const body = m[2] ?? "";
    const inner = /\[Api set:\s*([^\]]+)\]/.exec(body);
    const annotation = inner ? parseAnnotation(inner[1] as string) : null;
    if (annotation) params.set(m[1] as string, { annotation, text: inner?.[1] ?? "" });
  }
  const main = text.replace(paramRe, "");
  const inner = /\[Api set:\s*([^\]]+)\]/.exec(main)?.[1];
  const common = /\*\*Requirement set\*\*:\s*(?:\{@link[^|}]*\|\s*)?([A-Za-z]\w*\s+\d+\.\d+)/.exec(main)?.[1];
  const out: MemberDoc = { main: inner ? parseAnnotation(inner) : common ? parseAnnotation(common) : null, params };
  docCache.set(decl, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Guards

type Guards = Readonly<Record<string, string>>;
const NONE: Guards = Object.freeze({});

function merge(a: Guards, b: Guards): Guards {
  const keys = Object.keys(b);
  if (keys.length === 0) return a;
  const out: Record<string, string> = { ...a };
  for (const k of keys) out[k] = out[k] ? maxVersion(out[k] as string, b[k] as string) : (b[k] as string);
  return out;
}

/** What holds when both do not, only what both guarantee (the lower version). */
function intersect(a: Guards, b: Guards): Guards {
  const out: Record<string, string> = {};
  for (const k of Object.keys(a)) if (b[k]) out[k] = compareVersions(a[k] as string, b[k] as string) <= 0 ? (a[k] as string) : (b[k] as string);
  return out;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function calleeName(call: ts.CallExpression): string | null {
  const c = unwrap(call.expression);
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return null;
}

const stringArg = (e: ts.Expression | undefined): string | null =>
  e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : null;

/** The requirement a call like supports("1.7") or isSetSupported("ExcelApi", "1.7") establishes. */
function requirementCheck(e: ts.Expression): Guards {
  if (!ts.isCallExpression(e)) return NONE;
  const name = calleeName(e);
  if (name === "supports") {
    const v = stringArg(e.arguments[0]);
    return v ? { ExcelApi: v } : NONE;
  }
  if (name === "isSetSupported") {
    const set = stringArg(e.arguments[0]);
    return set ? { [set]: stringArg(e.arguments[1]) ?? "1.1" } : NONE;
  }
  return NONE;
}

function whenTrue(expr: ts.Expression): Guards {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return whenFalse(e.operand);
  if (ts.isBinaryExpression(e)) {
    if (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return merge(whenTrue(e.left), whenTrue(e.right));
    if (e.operatorToken.kind === ts.SyntaxKind.BarBarToken) return intersect(whenTrue(e.left), whenTrue(e.right));
  }
  return requirementCheck(e);
}

function whenFalse(expr: ts.Expression): Guards {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return whenTrue(e.operand);
  if (ts.isBinaryExpression(e)) {
    if (e.operatorToken.kind === ts.SyntaxKind.BarBarToken) return merge(whenFalse(e.left), whenFalse(e.right));
    if (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return intersect(whenFalse(e.left), whenFalse(e.right));
  }
  return NONE;
}

/** True when control never falls through the statement (return, throw, or a block/if ending so). */
function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isBreakStatement(s) || ts.isContinueStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.some(exits);
  if (ts.isIfStatement(s)) return !!s.elseStatement && exits(s.thenStatement) && exits(s.elseStatement);
  return false;
}

// ---------------------------------------------------------------------------------------------------
// The analysis

const officeFiles = new Map<ts.SourceFile, boolean>();

function isOfficeDeclaration(decl: ts.Node): boolean {
  const sf = decl.getSourceFile();
  let yes = officeFiles.get(sf);
  if (yes === undefined) {
    const f = path.normalize(sf.fileName);
    yes = TYPES_DIRS.some((d) => f.includes(d));
    officeFiles.set(sf, yes);
  }
  return yes;
}

function isAssignmentTarget(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.left === node) {
    const k = p.operatorToken.kind;
    return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
  }
  return (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) &&
    (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken);
}

function isNullish(e: ts.Expression | undefined): boolean {
  if (!e) return true;
  const u = unwrap(e);
  if (u.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(u) && u.text === "undefined") return true;
  if (ts.isVoidExpression(u)) return true;
  return ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(u.operand) && u.operand.text === "1";
}

/** Phrases in variants that describe an argument without naming it. */
const PHRASE_PARAMS: readonly [RegExp, string][] = [[/multiple (rows|columns)/i, "values"]];

export class ApiUsageAnalyser {
  private readonly checker: ts.TypeChecker;
  private readonly usages: Usage[] = [];
  private sf!: ts.SourceFile;

  constructor(
    private readonly program: ts.Program,
    private readonly projectDir: string,
  ) {
    this.checker = program.getTypeChecker();
  }

  analyse(files: readonly ts.SourceFile[]): Usage[] {
    for (const sf of files) {
      this.sf = sf;
      this.visit(sf, NONE);
    }
    return this.usages;
  }

  private visit(node: ts.Node, guards: Guards): void {
    if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      let g = guards;
      for (const st of node.statements) {
        this.visit(st, g);
        if (ts.isIfStatement(st) && !st.elseStatement && exits(st.thenStatement)) g = merge(g, whenFalse(st.expression));
      }
      return;
    }
    if (ts.isIfStatement(node)) {
      this.visit(node.expression, guards);
      this.visit(node.thenStatement, merge(guards, whenTrue(node.expression)));
      if (node.elseStatement) this.visit(node.elseStatement, merge(guards, whenFalse(node.expression)));
      return;
    }
    if (ts.isConditionalExpression(node)) {
      this.visit(node.condition, guards);
      this.visit(node.whenTrue, merge(guards, whenTrue(node.condition)));
      this.visit(node.whenFalse, merge(guards, whenFalse(node.condition)));
      return;
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
        this.visit(node.left, guards);
        this.visit(node.right, merge(guards, op === ts.SyntaxKind.AmpersandAmpersandToken ? whenTrue(node.left) : whenFalse(node.left)));
        return;
      }
    }
    this.record(node, guards);
    ts.forEachChild(node, (child) => this.visit(child, guards));
  }

  private record(node: ts.Node, guards: Guards): void {
    if (ts.isPropertyAccessExpression(node)) {
      this.member(node.name, this.checker.getSymbolAtLocation(node.name), node, guards);
    } else if (ts.isElementAccessExpression(node) && stringArg(node.argumentExpression) !== null) {
      const prop = this.checker.getPropertyOfType(this.checker.getTypeAtLocation(node.expression), stringArg(node.argumentExpression) as string);
      this.member(node.argumentExpression, prop, node, guards);
    } else if (ts.isObjectLiteralExpression(node)) {
      this.objectLiteral(node, guards);
    } else if (ts.isCallExpression(node) && calleeName(node) === "load") {
      this.loadCall(node, guards);
    }
  }

  /** A property read or written, a method called, a class constructed. */
  private member(at: ts.Node, symbol: ts.Symbol | undefined, expr: ts.Expression, guards: Guards): void {
    if (!symbol?.declarations?.some(isOfficeDeclaration)) return;
    const parent = expr.parent;
    const call = ts.isCallExpression(parent) && parent.expression === expr ? parent : null;
    const construct = ts.isNewExpression(parent) && parent.expression === expr ? parent : null;
    let decl: ts.Declaration | undefined;
    if (call || construct) {
      const sig = this.checker.getResolvedSignature((call ?? construct) as ts.CallLikeExpression);
      decl = sig?.declaration && !ts.isJSDocSignature(sig.declaration) ? sig.declaration : undefined;
      // `new CustomFunctions.Error(…)`: the class carries the annotation, the constructor may not.
      if (construct && (!decl || !memberDoc(decl).main)) decl = symbol.declarations?.[0];
    }
    decl ??= symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!decl || !isOfficeDeclaration(decl)) return;
    const access: Access = call ? "call" : construct ? "new" : isAssignmentTarget(expr) ? "write" : "read";
    const doc = memberDoc(decl);
    let set = doc.main?.base ?? null;
    if (!call && !construct) {
      // A property of a union (Range | RangeAreas): the highest set among its declarations.
      for (const d of symbol.declarations ?? []) {
        const other = isOfficeDeclaration(d) ? memberDoc(d).main?.base : undefined;
        if (other && (!set || (other.name === set.name && compareVersions(other.version, set.version) > 0))) set = other;
      }
    }
    let variant: string | undefined;
    const raise = (version: string, why: string): void => {
      if (set && compareVersions(version, set.version) > 0) {
        set = { name: set.name, version };
        variant = why;
      }
    };
    if (doc.main && set) {
      const params = ts.isFunctionLike(decl) ? decl.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : "")) : [];
      const args = call?.arguments ?? construct?.arguments ?? [];
      for (const v of doc.main.variants) {
        if (access === "write" && /\bset(ting)?\b/i.test(v.text)) raise(v.version, "set");
        if (!call && !construct) continue;
        params.forEach((p, i) => {
          const named = p !== "" && new RegExp(`\\b${p}\\b`).test(v.text);
          const phrased = PHRASE_PARAMS.some(([re, param]) => param === p && re.test(v.text));
          if (!named && !phrased) return;
          const missing = isNullish(args[i]);
          if (/optional/i.test(v.text) ? missing : !missing) raise(v.version, /optional/i.test(v.text) ? `without ${p}` : `with ${p}`);
        });
      }
      params.forEach((p, i) => {
        const pa = doc.params.get(p);
        const arg = args[i];
        if (!pa || isNullish(arg) || !arg) return;
        const versions = [...pa.text.matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1] as string);
        const last = versions[versions.length - 1] ?? pa.annotation.base.version;
        if (/must be a string/i.test(pa.text)) {
          const t = this.checker.getTypeAtLocation(arg);
          if (!(t.flags & ts.TypeFlags.StringLike)) raise(last, `${p} not a string`);
        } else {
          raise(pa.annotation.base.version, `with ${p}`);
        }
      });
    }
    this.push(at, this.memberName(symbol), access, set, variant, guards);
  }

  /** `{ list: { … } }` assigned to an Office type: each key is a property written. */
  private objectLiteral(node: ts.ObjectLiteralExpression, guards: Guards): void {
    const contextual = this.checker.getContextualType(node);
    if (!contextual) return;
    const types = contextual.isUnion() ? contextual.types : [contextual];
    for (const prop of node.properties) {
      if (!(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) || !prop.name || ts.isComputedPropertyName(prop.name)) continue;
      const name = prop.name.text;
      const symbol = types.map((t) => this.checker.getPropertyOfType(t, name)).find((s) => s?.declarations?.some(isOfficeDeclaration));
      const decl = symbol?.declarations?.find(isOfficeDeclaration);
      if (!symbol || !decl) continue;
      this.push(prop.name, this.memberName(symbol), "write", memberDoc(decl).main?.base ?? null, undefined, guards);
    }
  }

  /** `x.load("a,b/c")` / `x.load(["a", "b"])`: each path element is a property read. */
  private loadCall(call: ts.CallExpression, guards: Guards): void {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const sig = this.checker.getResolvedSignature(call);
    if (!sig?.declaration || !isOfficeDeclaration(sig.declaration)) return;
    const arg = call.arguments[0];
    if (!arg) return;
    const literals = ts.isArrayLiteralExpression(arg) ? [...arg.elements] : [arg];
    const receiver = this.checker.getTypeAtLocation(callee.expression);
    for (const lit of literals) {
      const text = stringArg(lit);
      if (text === null) continue;
      for (const item of text.split(",")) {
        let type: ts.Type | undefined = receiver;
        for (const part of item.trim().split("/")) {
          if (!type || part === "") break;
          const prop = this.checker.getPropertyOfType(type, part.trim());
          const decl = prop?.declarations?.find(isOfficeDeclaration);
          if (!prop || !decl) {
            this.push(lit, `${this.checker.typeToString(type)}.${part.trim()} (unknown property)`, "load", { name: "?", version: "?" }, undefined, guards);
            break;
          }
          this.push(lit, this.memberName(prop), "load", memberDoc(decl).main?.base ?? null, undefined, guards);
          const propType: ts.Type = this.checker.getTypeOfSymbolAtLocation(prop, call);
          type = this.checker.getIndexTypeOfType(propType, ts.IndexKind.Number) ?? propType;
        }
      }
    }
  }

  private memberName(symbol: ts.Symbol): string {
    let name = this.checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
    if (!name.includes(".")) {
      // A property of a union type has no parent of its own: name the declaring types ("Range|RangeAreas").
      const owners = [...new Set((symbol.declarations ?? []).map((d) => (d.parent && (ts.isClassLike(d.parent) || ts.isInterfaceDeclaration(d.parent)) ? d.parent.name?.text : undefined)).filter(Boolean))];
      if (owners.length > 0) name = `${owners.join("|")}.${name}`;
    }
    return name.startsWith("Excel.") ? name.slice("Excel.".length) : name;
  }

  private push(at: ts.Node, member: string, access: Access, set: ApiSet | null, variant: string | undefined, guards: Guards): void {
    const line = this.sf.getLineAndCharacterOfPosition(at.getStart(this.sf)).line + 1;
    const file = path.relative(this.projectDir, this.sf.fileName).split(path.sep).join("/");
    this.usages.push({ file, line, member, access, set, ...(variant ? { variant } : {}), guards });
  }
}

// ---------------------------------------------------------------------------------------------------
// Program, verdicts, report

/**
 * One Program over tsconfig.json's source files under src/ (tests excluded), plus `extra` in-memory files
 * (path → text, relative to the project) for self-tests. Returns the program and the files to analyse.
 */
export function createAnalysisProgram(projectDir: string, extra: Readonly<Record<string, string>> = {}): { program: ts.Program; files: ts.SourceFile[]; extraFiles: ts.SourceFile[] } {
  const configPath = path.join(projectDir, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`Kunne ikke lese ${configPath}`);
  const srcDir = path.join(projectDir, "src") + path.sep;
  const isSource = (f: string) => {
    const n = path.normalize(f);
    return n.startsWith(srcDir) && /\.tsx?$/.test(n) && !/\.d\.ts$/.test(n) && !/\.test\.tsx?$/.test(n);
  };
  const virtual = new Map(Object.entries(extra).map(([rel, text]) => [path.resolve(projectDir, rel), text]));
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, lang, onError, create) => {
    const text = virtual.get(path.resolve(fileName));
    return text !== undefined ? ts.createSourceFile(fileName, text, lang, true) : getSourceFile.call(host, fileName, lang, onError, create);
  };
  host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(path.resolve(f)) ?? readFile.call(host, f);
  const roots = [...parsed.fileNames.filter(isSource), ...virtual.keys()];
  const program = ts.createProgram({ rootNames: roots, options, host });
  const files = program.getSourceFiles().filter((sf) => isSource(sf.fileName) && !virtual.has(path.resolve(sf.fileName)));
  const extraFiles = program.getSourceFiles().filter((sf) => virtual.has(path.resolve(sf.fileName)));
  return { program, files, extraFiles };
}

/** Why this use is not allowed, or null when it is (floor, guard, or a set the add-in need not check). */
export function verdict(u: Usage, limits: Limits): string | null {
  if (!u.set) return null;
  const { name, version } = u.set;
  if (name === "?") return "property not found in the Office.js types";
  if (name === "CustomFunctionsRuntime") {
    return compareVersions(version, limits.customFunctionsRuntime) > 0
      ? `needs CustomFunctionsRuntime ${version}, the manifest declares ${limits.customFunctionsRuntime}`
      : null;
  }
  if (!/^ExcelApi/.test(name)) return null; // common API sets (SharedRuntime, DialogApi, …): reported only
  if (name === "ExcelApi" && compareVersions(version, limits.excelApiFloor) <= 0) return null;
  const guard = u.guards[name];
  if (guard && compareVersions(version, guard) <= 0) return null;
  const check = name === "ExcelApi" ? `supports("${guard}")` : `isSetSupported("${name}", "${guard}")`;
  return `needs ${name} ${version}, ${guard ? `guarded only by ${check}` : "not guarded"}`;
}

export function describeUsage(u: Usage): string {
  const set = u.set ? `${u.set.name} ${u.set.version}` : "no set";
  return `${u.file}:${u.line} ${u.member} (${u.access}${u.variant ? `, ${u.variant}` : ""}) ${set}`;
}

export function violations(usages: readonly Usage[], limits: Limits): string[] {
  return usages.flatMap((u) => {
    const why = verdict(u, limits);
    const notes = [u.access === "write" ? "set" : null, u.variant && u.variant !== "set" ? u.variant : null].filter(Boolean);
    return why ? [`${u.file}:${u.line} ${u.member}${notes.length ? ` (${notes.join(", ")})` : ""} ${why}`] : [];
  });
}

/** One line per member and set: "ExcelApi 1.6  Range.conditionalFormats  ×2  src/excel/insert.ts:171". */
export function summary(usages: readonly Usage[]): string[] {
  const byKey = new Map<string, Usage[]>();
  for (const u of usages) {
    const key = `${u.set ? `${u.set.name} ${u.set.version}` : "(no set)"}\u0000${u.member}${u.variant ? ` (${u.variant})` : ""}`;
    byKey.set(key, [...(byKey.get(key) ?? []), u]);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([key, us]) => {
      const [set, member] = key.split("\u0000") as [string, string];
      const where = [...new Set(us.map((u) => `${u.file}:${u.line}`))];
      return `${set.padEnd(28)} ${member.padEnd(48)} ×${us.length}  ${where.slice(0, 3).join(", ")}${where.length > 3 ? ", …" : ""}`;
    });
}
