// Follow Office's theme (light, dark, black, colourful): Office tells the body colours; dark backgrounds get
// Fluent's dark theme, and the pane paints Office's own background colour so there is no seam between the
// task pane frame and the pane. Outside Office (or in old hosts) the light theme is used.
//
// Changes while the pane is open: Office.EventType.OfficeThemeChanged is documented for Outlook
// (Mailbox 1.14); Excel builds that raise it on the document get it through the handler below, and every
// host is asked again when the pane regains focus or becomes visible (a theme is changed in Office's own
// settings, outside the pane). Office is read untyped: all of this is optional and guarded.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

function hex(colour: string | undefined): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((colour ?? "").trim());
  return m ? `#${(m[1] as string).toUpperCase()}` : null;
}

function luminance(colour: string): number {
  const n = parseInt(colour.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFor(officeTheme: OfficeThemeLike | undefined | null): Theme {
  const bg = hex(officeTheme?.bodyBackgroundColor);
  return bg !== null && luminance(bg) < 0.4 ? webDarkTheme : webLightTheme;
}

/** Office's body background as "#RRGGBB" (what the pane paints behind everything), or null when unknown. */
export function paneBackground(officeTheme: OfficeThemeLike | undefined | null): string | null {
  return hex(officeTheme?.bodyBackgroundColor);
}

interface OfficeGlobal {
  context?: {
    officeTheme?: OfficeThemeLike;
    document?: { addHandlerAsync?: (type: unknown, handler: (args: unknown) => void, callback?: (r: unknown) => void) => void; removeHandlerAsync?: (type: unknown, options?: unknown) => void };
  };
  EventType?: { OfficeThemeChanged?: unknown };
}

const office = (): OfficeGlobal | undefined => (globalThis as { Office?: OfficeGlobal }).Office;

export function currentOfficeTheme(): OfficeThemeLike | undefined {
  try {
    const t = office()?.context?.officeTheme;
    // A snapshot: Office may update the object in place.
    return t ? { bodyBackgroundColor: t.bodyBackgroundColor, bodyForegroundColor: t.bodyForegroundColor } : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `changed` with the new theme whenever Office's theme may have changed; returns the unsubscribe. */
export function watchOfficeTheme(changed: (theme: OfficeThemeLike | undefined) => void): () => void {
  const reread = () => changed(currentOfficeTheme());
  const onVisible = () => {
    if (document.visibilityState === "visible") reread();
  };
  window.addEventListener("focus", reread);
  document.addEventListener("visibilitychange", onVisible);
  const o = office();
  const type = o?.EventType?.OfficeThemeChanged;
  const doc = o?.context?.document;
  let registered = false;
  if (type !== undefined && typeof doc?.addHandlerAsync === "function") {
    try {
      doc.addHandlerAsync(
        type,
        (args) => changed((args as { officeTheme?: OfficeThemeLike } | undefined)?.officeTheme ?? currentOfficeTheme()),
        (r) => {
          registered = (r as { status?: string } | undefined)?.status !== "failed";
        },
      );
    } catch {
      // Not raised by this host: focus and visibility cover it.
    }
  }
  return () => {
    window.removeEventListener("focus", reread);
    document.removeEventListener("visibilitychange", onVisible);
    if (registered) {
      try {
        doc?.removeHandlerAsync?.(type);
      } catch {
        // Nothing to undo.
      }
    }
  };
}
