import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeFor } from "./theme";

test("dark Office backgrounds get the dark theme; light, colourful and unknown get the light one", () => {
  expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
  expect(themeFor({ bodyBackgroundColor: "#000000" })).toBe(webDarkTheme);
  expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
  expect(themeFor({ bodyBackgroundColor: "#E6E6E6" })).toBe(webLightTheme);
  expect(themeFor({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
  expect(themeFor(undefined)).toBe(webLightTheme);
});
