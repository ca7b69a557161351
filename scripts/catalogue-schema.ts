// `npx tsx scripts/catalogue-schema.ts`: writes docs/catalogue.schema.json from the loader's own schema
// (src/domain/catalogueSchema.ts), so the published format cannot drift from what the add-in accepts.
// src/domain/validate.test.ts fails when the file is stale. `--check` exits 1 instead of writing.
import { writeFileSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { toJsonSchema } from "@valibot/to-json-schema";
import { LIMITS, publishedCatalogueSchema, schemaDefinitions } from "../src/domain/catalogueSchema";

export const SCHEMA_FILE = resolve(__dirname, "../docs/catalogue.schema.json");

export function catalogueJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(publishedCatalogueSchema, {
    target: "draft-2020-12",
    errorMode: "throw",
    // The decimals rule is a custom check; JSON Schema's multipleOf is unreliable for 0.001 in float
    // validators, so it is stated in the amounts' descriptions instead (and the loader enforces it).
    ignoreActions: ["check"],
    definitions: schemaDefinitions,
  });
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: "Tiltaksmeny: tiltakskatalog",
    description:
      `Catalogue format of the Tiltaksmeny Excel add-in (docs/catalogue-format.md), generated from src/domain/catalogueSchema.ts. ` +
      `Beyond this schema the loader requires: catalogue.years consecutive; planPeriod inside years with from <= to; ` +
      `summary and totals rows with a key for every catalogue year (null = blank); detail.years ascending and inside catalogue.years, ` +
      `detail rows with a key for each of them (other catalogue years only as null); group-table keys inside catalogue.years; ` +
      `unique group ids, measure ids and categories; a measure's group exists; a measure's category and the keys of totals.byCategory are in catalogue.categories; ` +
      `totals/targets byGroup keys are existing groups; amounts in catalogue.unit (summary, totals, targets, prose) are at most ${LIMITS.amount.MNOK} in MNOK and ` +
      `${LIMITS.amount.TNOK} in TNOK; amounts have at most ${LIMITS.decimals} decimals; targets.*.printedTotal2029 (older name) is read as printedTotal. ` +
      `Fields with a "default" may be left out.`,
    ...rest,
  };
}

export function schemaText(): string {
  return JSON.stringify(catalogueJsonSchema(), null, 2) + "\n";
}

if (require.main === module) {
  const text = schemaText();
  if (process.argv.includes("--check")) {
    const current = readFileSync(SCHEMA_FILE, "utf8");
    if (current !== text) {
      process.stderr.write("docs/catalogue.schema.json er utdatert: kjør npx tsx scripts/catalogue-schema.ts\n");
      process.exitCode = 1;
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
  }
}
