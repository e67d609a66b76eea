// Responsible gambling: the player's deposit and loss limits, a time-out or self-exclusion, and the deposit lock
// after declined payments (protocol: limits.get, limits.set, self.exclude). Amounts stay integer minor units.
import { $, el, formatTime, toast } from "./dom.js";
import { parseMajor } from "./money.js";

const NAMES = { DEPOSIT_DAY: "Deposits per day", DEPOSIT_WEEK: "Deposits per week",
  DEPOSIT_MONTH: "Deposits per month", LOSS_DAY: "Net loss per day" };

export function createLimits(ctx) {
  function render(reply) {
    const body = $("limits-table").querySelector("tbody");
    body.replaceChildren(...reply.limits.map((l) => el("tr", { "data-testid": "limit-row", "data-kind": l.kind,
      "data-limit": l.limit === null ? "" : l.limit, "data-pending": "pendingFrom" in l ? String(l.pendingLimit) : "" },
    el("td", {}, NAMES[l.kind] || l.kind),
    el("td", {}, l.limit === null ? "none" : ctx.money(l.limit)),
    el("td", {}, ctx.money(l.used)),
    el("td", {}, "pendingFrom" in l
      ? `${l.pendingLimit === null ? "none" : ctx.money(l.pendingLimit)} from ${formatTime(l.pendingFrom)}` : ""))));
    const status = $("limits-status");
    const parts = [];
    if (reply.exclusion) {
      parts.push(`On a break (${reply.exclusion.period}) ${reply.exclusion.until === null ? "permanently"
        : `until ${formatTime(reply.exclusion.until)}`}: no play and no deposits.`);
    }
    if (reply.depositsLockedUntil) {
      parts.push(`Deposits paused after declined payments until ${formatTime(reply.depositsLockedUntil)}.`);
    }
    status.textContent = parts.join(" ");
    status.dataset.excluded = String(Boolean(reply.exclusion));
    status.dataset.locked = String(Boolean(reply.depositsLockedUntil));
  }

  async function load() {
    try {
      render(await ctx.call("limits.get"));
    } catch {
      // shown by ctx.call
    }
  }

  $("btn-limits").addEventListener("click", load);

  $("limit-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("limit-amount").value.trim();
    const amount = text === "" ? null : parseMajor(text, ctx.player?.currency || "EUR");
    if (text !== "" && amount === null) {
      toast("INVALID_LIMIT: enter a positive amount, or leave it empty for no limit", "error");
      return;
    }
    try {
      const kind = $("limit-kind").value;
      const reply = await ctx.call("limits.set", { kind, amount });
      render(reply);
      $("limit-amount").value = "";
      const row = reply.limits.find((l) => l.kind === kind);
      toast("pendingFrom" in row ? `${NAMES[kind]}: the change applies at ${formatTime(row.pendingFrom)}`
        : `${NAMES[kind]}: ${row.limit === null ? "none" : ctx.money(row.limit)}`, "ok");
    } catch {
      // shown by ctx.call
    }
  });

  $("exclude-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const select = $("exclude-period");
    const label = select.options[select.selectedIndex].textContent;
    if (!window.confirm(`${label}. It cannot be ended early. Continue?`)) {
      return;
    }
    try {
      render(await ctx.call("self.exclude", { period: select.value }));
      toast(`${label} started.`, "ok");
    } catch {
      // shown by ctx.call
    }
  });

  return {
    onShow(name) {
      if (name === "wallet") {
        load();
      }
    },
    onSignedOut() {
      $("limits-table").querySelector("tbody").replaceChildren();
      $("limits-status").textContent = "";
    },
  };
}
