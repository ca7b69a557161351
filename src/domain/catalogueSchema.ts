// The catalogue format as a valibot schema: one definition that validates at run time, type-checks
// against types.ts, and is published as JSON Schema (scripts/catalogue-schema.ts → docs/catalogue.schema.json).
// Every message is the Norwegian "forventet …" half of a path error; validate.ts adds the path and what it got.
// Rules that relate one field to another (years, groups, ids) are in validate.ts: JSON Schema cannot say them.
import * as v from "valibot";
import { decimalsOf } from "./decimal";
import { CATEGORIES, DETAIL_UNITS, HOP_STATUSES, SIGN_CONVENTIONS, type DetailUnit } from "./types";

/**
 * Bounds on every field, chosen so the domain's arithmetic stays exact and the workbook stays usable:
 * - amounts: effects are summed as integer nanos (1e-9 MNOK), exact up to 2^53 ≈ 9e6 MNOK. 100 000 MNOK
 *   (100 mrd. kr) is more than any Norwegian municipality's whole yearly budget, and sums of up to ~90 such
 *   extreme values still stay exact; TNOK and NOK tables get the same amount in their own unit.
 * - decimals: at most 3. The report prints at most 3 (e.g. "-4,177"), the comparison precision is taken
 *   from the printed decimals, and 3 decimals of kroner is still exact in nanos of MNOK (1e-9) — more
 *   decimals are float noise (0.1 + 0.2) or garbage (1e-12 once made reconcile throw).
 * - years: 1900–2099 (the year keys' own pattern), at most 20 of them (a plan period is 4; the report has 6).
 * - text: titles and names 500 characters (the longest title in the report has 251), codes 100, free text
 *   the 32 767 characters an Excel cell holds.
 */
export const LIMITS = {
  yearMin: 1900,
  yearMax: 2099,
  years: 20,
  groupId: 999,
  groups: 99,
  measures: 10_000,
  rows: 500,
  listItems: 2_000,
  line: 10_000_000,
  decimals: 3,
  amount: { MNOK: 1e5, TNOK: 1e8, NOK: 1e11 } as Readonly<Record<DetailUnit, number>>,
  code: 100,
  name: 500,
  text: 32_767,
} as const;

/** 100000 → "100 000", 2099 → "2099": numbers as a Norwegian reader writes them (no locale data needed). */
export function spaced(n: number): string {
  return Math.abs(n) < 10_000 ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** Missing keys are reported by their object: ask the entry's own schema what it expected. */
function expectationOf(schema: v.GenericSchema): string {
  return v.safeParse(schema, undefined).issues?.[0]?.message ?? "en verdi";
}

type Entries = v.ObjectEntries;

function object<E extends Entries>(entries: E) {
  return v.looseObject(entries, (issue) => {
    const key = issue.path?.[issue.path.length - 1]?.key;
    const entry = issue.input === undefined && typeof key === "string" ? entries[key] : undefined;
    return entry ? expectationOf(entry) : "et objekt";
  });
}

const text = (max: number = LIMITS.text, what = "tekst") => v.pipe(v.string(what), v.maxLength(max, `${what} på høyst ${spaced(max)} tegn`));
const nonEmpty = (max: number, what = "tekst som ikke er tom") =>
  v.pipe(v.string(what), v.regex(/\S/, what), v.maxLength(max, `${what} på høyst ${spaced(max)} tegn`));
const nullableText = (max: number = LIMITS.text) => v.nullable(text(max, "tekst eller null"));
const optionalText = (max: number = LIMITS.text) => v.optional(nullableText(max));
const list = <T extends v.GenericSchema>(item: T, max: number = LIMITS.listItems) =>
  v.pipe(v.array(item, "en liste"), v.maxLength(max, `en liste med høyst ${spaced(max)} elementer`));
const integer = (min: number, max: number, what: string) => {
  const msg = `${what} (heltall fra ${spaced(min)} til ${spaced(max)})`;
  return v.pipe(v.number(msg), v.integer(msg), v.minValue(min, msg), v.maxValue(max, msg));
};

export const yearSchema = integer(LIMITS.yearMin, LIMITS.yearMax, "et årstall");
const lineSchema = integer(1, LIMITS.line, "et linjenummer i rapporten");
const groupIdSchema = integer(1, LIMITS.groupId, "et gruppenummer");

/** An amount printed in `unit`: bounded, at most 3 decimals. */
function amount(unit: DetailUnit, nullable = false) {
  const max = LIMITS.amount[unit];
  const msg = `et tall fra -${spaced(max)} til ${spaced(max)} med høyst ${LIMITS.decimals} desimaler${nullable ? " eller null" : ""}`;
  return v.pipe(
    v.number(msg),
    v.minValue(-max, msg),
    v.maxValue(max, msg),
    v.check((x) => decimalsOf(x) <= LIMITS.decimals, msg),
    v.description(`Amount in ${unit}, |x| ≤ ${max}, at most ${LIMITS.decimals} decimals.`),
  );
}

const NOT_BOTH = 'ingenting her: en celle er enten { "unreadable" } eller { "printed", "value", "note" }';
const CELL = 'tall, null, { "unreadable": "…" } eller { "printed", "value", "note" }';

function makeCell(unit: DetailUnit) {
  return v.union(
    [
      amount(unit),
      v.null(),
      object({ unreadable: text(LIMITS.code), note: v.optional(text()), value: v.optional(v.never(NOT_BOTH)) }),
      object({ printed: text(LIMITS.code), value: amount(unit), note: text(), unreadable: v.optional(v.never(NOT_BOTH)) }),
    ],
    CELL,
  );
}

const cells = { MNOK: makeCell("MNOK"), TNOK: makeCell("TNOK"), NOK: makeCell("NOK") };

/** Year → cell. Which years a row must have depends on its table: validate.ts checks that. */
function yearValues(unit: DetailUnit) {
  return v.record(v.pipe(v.string(), v.regex(/^(19|20)\d\d$/, "et årstall som nøkkel")), cells[unit], "et objekt med årstall som nøkler");
}

const printedEntries = { line: lineSchema, printed: text(), alignment: optionalText() };
const valueRowEntries = (unit: DetailUnit) => ({ ...printedEntries, values: yearValues(unit) });
const valueRow = object(valueRowEntries("MNOK"));
const makeLabelledRow = (unit: DetailUnit) => object({ ...valueRowEntries(unit), label: text(LIMITS.name) });
const labelledRows = { MNOK: makeLabelledRow("MNOK"), TNOK: makeLabelledRow("TNOK"), NOK: makeLabelledRow("NOK") };

function makeDetailTable(unit: DetailUnit) {
  return object({
    heading: text(LIMITS.name),
    unitPrinted: text(LIMITS.code),
    unit: v.literal(unit),
    sign: v.picklist(SIGN_CONVENTIONS, `en av ${quoted(SIGN_CONVENTIONS)}`),
    years: v.pipe(v.array(yearSchema, "en liste med årstall"), v.minLength(1, "minst ett årstall"), v.maxLength(LIMITS.years, `høyst ${LIMITS.years} årstall`)),
    line: lineSchema,
    lines: list(labelledRows[unit], LIMITS.rows),
    net: v.nullable(labelledRows[unit]),
    note: optionalText(),
  });
}

function quoted(xs: readonly string[], orNull = false): string {
  return xs.map((x) => `"${x}"`).join(", ") + (orNull ? " eller null" : "");
}

const detailTables = { MNOK: makeDetailTable("MNOK"), TNOK: makeDetailTable("TNOK"), NOK: makeDetailTable("NOK") };

/** Where in the report a HØP status is stated: the line and the exact words it rests on. */
const hopBasis = object({ line: lineSchema, quote: nonEmpty(LIMITS.text) });

export const measureSchema = object({
  id: v.pipe(v.string("tekst som ikke er tom"), v.regex(/^\d{1,3}\.\d{1,6}$/, 'et tiltaksnummer som "2.10"')),
  headingId: nullableText(LIMITS.code),
  group: groupIdSchema,
  service: text(LIMITS.name),
  title: nonEmpty(LIMITS.name),
  headingTitle: nullableText(LIMITS.name),
  category: v.nullable(v.picklist(CATEGORIES, `en av ${quoted(CATEGORIES, true)}`)),
  categorySource: nullableText(LIMITS.name),
  inSummary: v.boolean("true eller false"),
  summary: v.nullable(valueRow),
  summaryRepeat: v.optional(v.nullable(object({ ...printedEntries, identical: v.boolean("true eller false"), note: optionalText() })), null),
  groupTable: v.nullable(object({ ...valueRowEntries("MNOK"), table: text(LIMITS.name), unit: v.picklist(["MNOK"], '"MNOK"'), signNote: optionalText() })),
  detail: v.nullable(
    v.variant("unit", [detailTables.MNOK, detailTables.TNOK, detailTables.NOK], (issue) => (issue.path ? `en av ${quoted(DETAIL_UNITS)}` : "en effekttabell (et objekt) eller null")),
  ),
  hop: object({
    status: v.picklist(HOP_STATUSES, `en av ${quoted(HOP_STATUSES)}`),
    note: text(),
    basis: v.optional(v.pipe(v.array(hopBasis, "en liste"), v.minLength(1, "minst én { line, quote }"), v.maxLength(50, "høyst 50 sitater"))),
  }),
  consequences: object({ users: text(), employees: text(), investment: nullableText() }),
  source: nullableText(LIMITS.code),
  notes: list(text()),
});

const target = object({ ...printedEntries, sparekrav: amount("MNOK"), menu: amount("MNOK"), printedTotal2029: amount("MNOK") });
const groupKey = v.pipe(v.string(), v.regex(/^\d{1,3}$/, "et gruppenummer som nøkkel"));
const categoryKey = v.pipe(v.string(), v.regex(new RegExp(`^(${CATEGORIES.join("|")})$`), `en av ${quoted(CATEGORIES)} som nøkkel`));
const overallRows = object({ groupTable: valueRow, categoryTable: valueRow, measureTable: valueRow });

export const catalogueSchema = object({
  schemaVersion: v.literal(1, "1"),
  catalogue: object({
    id: nonEmpty(LIMITS.code),
    version: nonEmpty(LIMITS.code),
    title: nonEmpty(LIMITS.name),
    publisher: nonEmpty(LIMITS.name),
    date: nonEmpty(LIMITS.code),
    reference: nonEmpty(LIMITS.code),
    unit: v.picklist(["MNOK"], '"MNOK"'),
    years: v.pipe(v.array(yearSchema, "en liste med årstall"), v.minLength(1, "minst ett årstall"), v.maxLength(LIMITS.years, `høyst ${LIMITS.years} årstall`)),
    planPeriod: v.strictTuple([yearSchema, yearSchema], "[fra_år, til_år]"),
    titleLine: v.optional(lineSchema),
  }),
  baseline: object({
    ...printedEntries,
    basis: text(LIMITS.name),
    exceptions: list(object({ ...printedEntries, section: nullableText(LIMITS.code), measure: nullableText(LIMITS.code), note: text() })),
  }),
  groups: v.pipe(
    v.array(object({ id: groupIdSchema, name: nonEmpty(LIMITS.name), section: text(LIMITS.code), sectionTitle: text(LIMITS.name) }), "en liste"),
    v.minLength(1, "minst én arbeidsgruppe"),
    v.maxLength(LIMITS.groups, `høyst ${LIMITS.groups} arbeidsgrupper`),
  ),
  measures: v.pipe(v.array(measureSchema, "en liste"), v.maxLength(LIMITS.measures, `høyst ${spaced(LIMITS.measures)} tiltak`)),
  totals: object({
    byGroup: v.record(groupKey, valueRow, "et objekt med gruppenummer som nøkler"),
    byCategory: v.record(categoryKey, valueRow, "et objekt med kategorier som nøkler"),
    overall: overallRows,
    // The same totals printed a second time (Tabell 27); kept as printed, not compared yet.
    byGroupRepeat: v.optional(v.nullable(v.record(groupKey, valueRow, "et objekt med gruppenummer som nøkler eller null"))),
    overallRepeat: v.optional(v.nullable(object({ groupTable: v.optional(v.nullable(valueRow)), categoryTable: v.optional(v.nullable(valueRow)), measureTable: v.optional(v.nullable(valueRow)) }))),
  }),
  targets: object({
    byGroup: v.record(groupKey, target, "et objekt med gruppenummer som nøkler"),
    overall: target,
    mandate: list(object({ ...printedEntries, note: text() })),
  }),
  prose: list(object({ ...printedEntries, claim: text(), value: v.nullable(amount("MNOK", true)), year: v.nullable(yearSchema) })),
  notes: list(text()),
});

/** Named parts, so the published JSON Schema says each once ($ref) instead of repeating it. */
export const schemaDefinitions = {
  year: yearSchema,
  line: lineSchema,
  cellMNOK: cells.MNOK,
  cellTNOK: cells.TNOK,
  cellNOK: cells.NOK,
  valueRow,
  labelledRowMNOK: labelledRows.MNOK,
  labelledRowTNOK: labelledRows.TNOK,
  labelledRowNOK: labelledRows.NOK,
  detailTableMNOK: detailTables.MNOK,
  detailTableTNOK: detailTables.TNOK,
  detailTableNOK: detailTables.NOK,
  hopBasis,
  measure: measureSchema,
  target,
};

export type CatalogueInput = v.InferOutput<typeof catalogueSchema>;
