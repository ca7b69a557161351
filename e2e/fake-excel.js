// A recording fake of the Excel JavaScript API, injected into the built pane before office.js loads
// (page.addInitScript). It keeps a tiny workbook in memory, counts context.sync() round trips and
// records every call, so e2e tests can assert what the pane asked Excel to do.
(() => {
  const state = (window.__fakeExcel = {
    syncs: 0,
    runs: 0,
    calls: [],
    failNextSyncWith: null,
    sheets: (window.__fakeExcelInitialSheets || [{ name: "Budsjett 2026", tables: [] }]).map((s) => ({ ...s })),
  });

  function collection(itemsFn, kind) {
    return {
      load() {
        state.calls.push(`${kind}.load`);
        return this;
      },
      get items() {
        return itemsFn();
      },
    };
  }

  class RequestContext {
    constructor() {
      this.workbook = {
        worksheets: collection(() => state.sheets.map((s) => ({ name: s.name })), "worksheets"),
        tables: collection(() => state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t }))), "tables"),
      };
    }
    async sync() {
      state.syncs += 1;
      if (state.failNextSyncWith) {
        const code = state.failNextSyncWith;
        state.failNextSyncWith = null;
        const err = new Error("Internal error text that must never reach the user");
        err.code = code;
        throw err;
      }
    }
  }

  window.Excel = {
    async run(batch) {
      state.runs += 1;
      return batch(new RequestContext());
    },
  };
})();
