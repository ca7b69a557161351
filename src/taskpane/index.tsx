import { createRoot } from "react-dom/client";
import { excelAvailable } from "../excel/host";
import { App } from "./App";

function start(inExcel: boolean): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App inExcel={inExcel} />);
}

// office.js may be missing (file not served) or load outside Office: the pane must still explain itself.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady()
    .then((info) => start(excelAvailable(info)))
    .catch(() => start(false));
} else {
  start(excelAvailable(null));
}
