// Ribbon commands. The Home-tab button opens the pane declaratively (ShowTaskpane), so this page only
// needs office.js to be initialised; it is kept as the place for future ExecuteFunction commands.
if (typeof Office !== "undefined") {
  void Office.onReady();
}
export {};
