// The catalogue format as a valibot schema: one definition that validates at run time, type-checks
// against types.ts, and is published as JSON Schema (scripts/catalogue-schema.ts → docs/catalogue.schema.json).
// Every message is the Norwegian "forventet …" half of a path error; validate.ts adds the path and what it got.
// Rules that relate one field to another (years, groups, ids) are in validate.ts: JSON Schema cannot say them.
import * as v from "valibot";
import { decimalsOf } from "./decimal";
import { CATALOGUE_UNITS, CATEGORIES, DETAIL_UNITS, HOP_STATUSES, SIGN_CONVENTIONS, type CatalogueUnit, type DetailUnit } from "./types";

/**
 * Bounds on every field, chosen so the domain's arithmetic stays exact and the workbook stays usable:
 * - amounts: effects are summed as integer nanos (1e-9 MNOK), exact up to 2^53 ≈ 9e6 MNOK. 100 000 MNOK
 *   (100 mrd. kr) is more than any Norwegian municipality's whole yearly budget, and sums of up to ~90 such
 *   extreme values still stay exact; TNOK and NOK tables get the same amount in their own unit.
 * - decimals: at most 3. The report prints at most 3 (e.g. "-4,177"), the comparison precision is taken
 *   from the printed decimals, and 3 decimals of kroner is still exact in nanos of MNOK (1e-9) — more
 *   decimals are float noise (0.1 + 0.2) or garbage (1e-12 once made reconcile throw).
 * - years: 1900–2099 (the year keys' own pattern), at most 20 of them (a plan period is 4; the report has 6).
 * - measure ids: 1–30 characters, letters (A–Å), digits and . - _ / and space inside: short codes a user
 *   types in a cell and a function argument; no comma (Excel would read "2,1" as a number in Norwegian).
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
  measureId: 30,
  categories: 50,
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
const optionalLine = v.optional(lineSchema);
const groupIdSchema = integer(1, LIMITS.groupId, "et gruppenummer");

/**
 * An amount printed in `unit`: bounded, at most 3 decimals. "published" is the JSON Schema's amount in
 * catalogue.unit, which JSON Schema cannot tie to that field: it states the looser TNOK bound and says
 * the rest in words (the loader checks the bound of the catalogue's own unit).
 */
function amount(unit: DetailUnit | "published", nullable = false) {
  const max = LIMITS.amount[unit === "published" ? "TNOK" : unit];
  const msg = `et tall fra -${spaced(max)} til ${spaced(max)} med høyst ${LIMITS.decimals} desimaler${nullable ? " eller null" : ""}`;
  const description =
    unit === "published"
      ? `Amount in catalogue.unit: |x| ≤ ${LIMITS.amount.MNOK} in MNOK, ≤ ${LIMITS.amount.TNOK} in TNOK; at most ${LIMITS.decimals} decimals.`
      : `Amount in ${unit}, |x| ≤ ${max}, at most ${LIMITS.decimals} decimals.`;
  return v.pipe(v.number(msg), v.minValue(-max, msg), v.maxValue(max, msg), v.check((x) => decimalsOf(x) <= LIMITS.decimals, msg), v.description(description));
}

const NOT_BOTH = 'ingenting her: en celle er enten { "unreadable" } eller { "printed", "value", "note" }';
const CELL = 'tall, null, { "unreadable": "…" } eller { "printed", "value", "note" }';

function makeCell(unit: DetailUnit | "published") {
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

const cells = { MNOK: makeCell("MNOK"), TNOK: makeCell("TNOK"), NOK: makeCell("NOK"), published: makeCell("published") };

/** Year → cell. Which years a row must have depends on its table: validate.ts checks that. */
function yearValues(unit: DetailUnit | "published") {
  return v.record(v.pipe(v.string(), v.regex(/^(19|20)\d\d$/, "et årstall som nøkkel")), cells[unit], "et objekt med årstall som nøkler");
}

/** Provenance: where in the report text a row is printed and what it says; both optional (docs/catalogue-format.md). */
const printedEntries = { line: optionalLine, printed: v.optional(text()), alignment: optionalText() };
type Level = CatalogueUnit | "published";
const valueRowEntries = (unit: DetailUnit | "published") => ({ ...printedEntries, values: yearValues(unit) });
const valueRows = { MNOK: object(valueRowEntries("MNOK")), TNOK: object(valueRowEntries("TNOK")), published: object(valueRowEntries("published")) };
const makeLabelledRow = (unit: DetailUnit) => object({ ...valueRowEntries(unit), label: text(LIMITS.name) });
const labelledRows = { MNOK: makeLabelledRow("MNOK"), TNOK: makeLabelledRow("TNOK"), NOK: makeLabelledRow("NOK") };

function quoted(xs: readonly string[], orNull = false): string {
  return xs.map((x) => `"${x}"`).join(", ") + (orNull ? " eller null" : "");
}

const yearList = v.pipe(v.array(yearSchema, "en liste med årstall"), v.minLength(1, "minst ett årstall"), v.maxLength(LIMITS.years, `høyst ${LIMITS.years} årstall`));

function makeDetailTable(unit: DetailUnit) {
  return object({
    heading: text(LIMITS.name),
    unitPrinted: text(LIMITS.code),
    unit: v.literal(unit),
    sign: v.picklist(SIGN_CONVENTIONS, `en av ${quoted(SIGN_CONVENTIONS)}`),
    years: yearList,
    line: optionalLine,
    lines: list(labelledRows[unit], LIMITS.rows),
    net: v.nullable(labelledRows[unit]),
    note: optionalText(),
  });
}

const detailTables = { MNOK: makeDetailTable("MNOK"), TNOK: makeDetailTable("TNOK"), NOK: makeDetailTable("NOK") };
const detailTable = v.variant("unit", [detailTables.MNOK, detailTables.TNOK, detailTables.NOK], (issue) =>
  issue.path ? `en av ${quoted(DETAIL_UNITS)}` : "en effekttabell (et objekt) eller null",
);

/** A row of the working group's own table, in its own printed unit (MNOK or TNOK). */
const makeGroupTableRow = (unit: CatalogueUnit) =>
  object({ ...valueRowEntries(unit), table: text(LIMITS.name), unit: v.literal(unit), signNote: optionalText() });
const groupTableRows = { MNOK: makeGroupTableRow("MNOK"), TNOK: makeGroupTableRow("TNOK") };
const groupTableRow = v.variant("unit", [groupTableRows.MNOK, groupTableRows.TNOK], (issue) =>
  issue.path ? `en av ${quoted(CATALOGUE_UNITS)}` : "en rad fra arbeidsgruppens tabell (et objekt) eller null",
);

/** Where in the report a HØP status is stated: the line and the exact words it rests on. */
const hopBasis = object({ line: lineSchema, quote: nonEmpty(LIMITS.text) });

/** A measure number as users type it: "2.10", "BHG-3". Rules across measures (unique) are in validate.ts. */
const MEASURE_ID = new RegExp(`^[0-9A-Za-zÆØÅæøå](?:[0-9A-Za-zÆØÅæøå._/ -]{0,${LIMITS.measureId - 2}}[0-9A-Za-zÆØÅæøå])?$`);
const measureId = v.pipe(
  v.string("tekst som ikke er tom"),
  v.regex(MEASURE_ID, `et tiltaksnummer på 1–${LIMITS.measureId} tegn: bokstaver, sifre og . - _ / (f.eks. "2.10" eller "BHG-3")`),
);

/** A measure whose amounts are in `level` (the catalogue's unit). Optional fields say what an absent one means. */
function makeMeasure(level: Level) {
  return object({
    id: measureId,
    headingId: v.optional(nullableText(LIMITS.code), null),
    group: groupIdSchema,
    service: v.optional(text(LIMITS.name), ""),
    title: nonEmpty(LIMITS.name),
    headingTitle: v.optional(nullableText(LIMITS.name), null),
    category: v.optional(v.nullable(nonEmpty(LIMITS.name, "en kategori fra catalogue.categories eller null")), null),
    categorySource: v.optional(nullableText(LIMITS.name), null),
    inSummary: v.optional(v.boolean("true eller false"), true),
    summary: v.nullable(valueRows[level]),
    summaryRepeat: v.optional(v.nullable(object({ ...printedEntries, identical: v.boolean("true eller false"), note: optionalText() })), null),
    groupTable: v.optional(v.nullable(groupTableRow), null),
    detail: v.optional(v.nullable(detailTable), null),
    hop: v.optional(
      object({
        status: v.picklist(HOP_STATUSES, `en av ${quoted(HOP_STATUSES)}`),
        note: v.optional(text(), ""),
        basis: v.optional(v.pipe(v.array(hopBasis, "en liste"), v.minLength(1, "minst én { line, quote }"), v.maxLength(50, "høyst 50 sitater"))),
      }),
      () => ({ status: "not-stated" as const, note: "" }),
    ),
    consequences: v.optional(object({ users: v.optional(text(), ""), employees: v.optional(text(), ""), investment: v.optional(nullableText(), null) }), () => ({ users: "", employees: "", investment: null })),
    source: v.optional(nullableText(LIMITS.code), null),
    notes: v.optional(list(text()), () => []),
  });
}

const groupKey = v.pipe(v.string(), v.regex(/^\d{1,3}$/, "et gruppenummer som nøkkel"));
const categoryKey = v.pipe(v.string(), v.regex(/\S/, "en kategori som nøkkel"), v.maxLength(LIMITS.name, `en kategori på høyst ${LIMITS.name} tegn som nøkkel`));

function makeCatalogue(level: Level) {
  const valueRow = valueRows[level];
  const optionalRow = v.optional(v.nullable(valueRow));
  const target = object({
    ...printedEntries,
    sparekrav: amount(level),
    menu: v.optional(v.nullable(amount(level, true)), null),
    printedTotal: v.optional(v.nullable(amount(level, true)), null),
    // The old name (Elverum's year): read as printedTotal by validate.ts.
    printedTotal2029: v.optional(amount(level)),
  });
  const measure = makeMeasure(level);
  const schema = object({
    schemaVersion: v.literal(1, "1"),
    catalogue: object({
      id: nonEmpty(LIMITS.code),
      version: nonEmpty(LIMITS.code),
      title: nonEmpty(LIMITS.name),
      publisher: v.optional(nonEmpty(LIMITS.name)),
      date: v.optional(nonEmpty(LIMITS.code)),
      reference: v.optional(nonEmpty(LIMITS.code)),
      municipality: v.optional(nonEmpty(LIMITS.name)),
      unit: v.optional(v.picklist(CATALOGUE_UNITS, `en av ${quoted(CATALOGUE_UNITS)}`), "MNOK"),
      years: yearList,
      planPeriod: v.strictTuple([yearSchema, yearSchema], "[fra_år, til_år]"),
      categories: v.optional(
        v.pipe(v.array(nonEmpty(LIMITS.name), "en liste med kategorier"), v.maxLength(LIMITS.categories, `høyst ${LIMITS.categories} kategorier`)),
        () => [...CATEGORIES],
      ),
      titleLine: optionalLine,
    }),
    baseline: v.optional(
      v.nullable(
        object({
          ...printedEntries,
          basis: text(LIMITS.name),
          exceptions: v.optional(list(object({ ...printedEntries, section: nullableText(LIMITS.code), measure: nullableText(LIMITS.code), note: text() })), () => []),
        }),
      ),
      null,
    ),
    groups: v.pipe(
      v.array(object({ id: groupIdSchema, name: nonEmpty(LIMITS.name), section: v.optional(text(LIMITS.code), ""), sectionTitle: v.optional(text(LIMITS.name), "") }), "en liste"),
      v.minLength(1, "minst én arbeidsgruppe"),
      v.maxLength(LIMITS.groups, `høyst ${LIMITS.groups} arbeidsgrupper`),
    ),
    measures: v.pipe(v.array(measure, "en liste"), v.maxLength(LIMITS.measures, `høyst ${spaced(LIMITS.measures)} tiltak`)),
    totals: v.optional(
      object({
        byGroup: v.optional(v.record(groupKey, valueRow, "et objekt med gruppenummer som nøkler"), () => ({})),
        byCategory: v.optional(v.record(categoryKey, valueRow, "et objekt med kategorier som nøkler"), () => ({})),
        overall: v.optional(object({ groupTable: optionalRow, categoryTable: optionalRow, measureTable: optionalRow }), () => ({})),
        // The same totals printed a second time (Tabell 27); kept as printed, not compared yet.
        byGroupRepeat: v.optional(v.nullable(v.record(groupKey, valueRow, "et objekt med gruppenummer som nøkler eller null"))),
        overallRepeat: v.optional(v.nullable(object({ groupTable: optionalRow, categoryTable: optionalRow, measureTable: optionalRow }))),
      }),
      () => ({ byGroup: {}, byCategory: {}, overall: {} }),
    ),
    targets: object({
      byGroup: v.optional(v.record(groupKey, target, "et objekt med gruppenummer som nøkler"), () => ({})),
      overall: target,
      mandate: v.optional(list(object({ ...printedEntries, note: text() })), () => []),
    }),
    prose: v.optional(list(object({ ...printedEntries, claim: text(), value: v.nullable(amount(level, true)), year: v.nullable(yearSchema) })), () => []),
    notes: v.optional(list(text()), () => []),
  });
  return { schema, measure, target, valueRow };
}

const byLevel = { MNOK: makeCatalogue("MNOK"), TNOK: makeCatalogue("TNOK"), published: makeCatalogue("published") };

/** The schema for a catalogue whose catalogue.unit is `unit` (amounts bounded in that unit). */
export function catalogueSchemaFor(unit: CatalogueUnit) {
  return byLevel[unit].schema;
}

/** The default (MNOK) catalogue schema. */
export const catalogueSchema = byLevel.MNOK.schema;
export const measureSchema = byLevel.MNOK.measure;

/** What docs/catalogue.schema.json is generated from: both units, amounts bounded by the looser one. */
export const publishedCatalogueSchema = byLevel.published.schema;

/** Named parts, so the published JSON Schema says each once ($ref) instead of repeating it. */
export const schemaDefinitions = {
  year: yearSchema,
  line: lineSchema,
  cell: cells.published,
  cellMNOK: cells.MNOK,
  cellTNOK: cells.TNOK,
  cellNOK: cells.NOK,
  valueRow: valueRows.published,
  labelledRowMNOK: labelledRows.MNOK,
  labelledRowTNOK: labelledRows.TNOK,
  labelledRowNOK: labelledRows.NOK,
  detailTableMNOK: detailTables.MNOK,
  detailTableTNOK: detailTables.TNOK,
  detailTableNOK: detailTables.NOK,
  groupTableRowMNOK: groupTableRows.MNOK,
  groupTableRowTNOK: groupTableRows.TNOK,
  hopBasis,
  measure: byLevel.published.measure,
  target: byLevel.published.target,
};

export type CatalogueInput = v.InferOutput<typeof catalogueSchema>;
