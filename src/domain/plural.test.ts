import { count, NOUN } from "./plural";

test("Norwegian singular and plural with the number", () => {
  expect(count(1, NOUN.celle)).toBe("1 celle");
  expect(count(2, NOUN.celle)).toBe("2 celler");
  expect(count(0, NOUN.celle)).toBe("0 celler");
  expect(count(1, NOUN.rad)).toBe("1 rad");
  expect(count(2, NOUN.rad)).toBe("2 rader");
  expect(count(1, NOUN.verdi)).toBe("1 verdi");
  expect(count(3, NOUN.verdi)).toBe("3 verdier");
  expect(count(1, NOUN.tiltak)).toBe("1 tiltak");
  expect(count(5, NOUN.tiltak)).toBe("5 tiltak");
  expect(count(-1, NOUN.rad)).toBe("-1 rad");
  expect(count(1, ["funn", "funn"])).toBe("1 funn");
});

test("large numbers are grouped as Norwegian readers expect (non-breaking space)", () => {
  expect(count(12345, NOUN.celle)).toBe("12\u00a0345 celler");
});
