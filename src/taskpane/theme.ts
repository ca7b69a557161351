// Follow Office's theme (light, dark, colourful): Office tells the body background colour; dark
// backgrounds get Fluent's dark theme. Outside Office (or in old hosts) the light theme is used.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1] as string, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined | null): Theme {
  const l = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return l !== null && l < 0.4 ? webDarkTheme : webLightTheme;
}

export function currentOfficeTheme(): { bodyBackgroundColor?: string } | undefined {
  const office = (globalThis as { Office?: { context?: { officeTheme?: { bodyBackgroundColor?: string } } } }).Office;
  try {
    return office?.context?.officeTheme;
  } catch {
    return undefined;
  }
}
