// History and fairness: the player's seeds (show, set client seed, rotate), past rounds newest first, and a
// "Verify" per round that recomputes it here from the revealed seed (fair.js).
import { $, el, formatTime, toast } from "./dom.js";
import { verifyRouletteRound, verifySlotRound } from "./fair.js";
import { colourOf } from "./roulette.js";

const HISTORY_LIMIT = 50;

export function createHistory(ctx) {
  /** Revealed server seeds by their hash: from rotate replies and `fair.revealed` lookups. */
  const revealed = new Map();

  function showSeeds(s) {
    $("fair-hash").textContent = s.serverSeedHash;
    $("fair-client-seed").textContent = s.clientSeed;
    $("fair-nonce").textContent = String(s.nextNonce);
    if (s.revealed) {
      revealed.set(s.revealed.serverSeedHash, s.revealed.serverSeed);
      const r = $("fair-revealed");
      r.dataset.hash = s.revealed.serverSeedHash;
      r.replaceChildren("Revealed server seed ", el("code", {}, s.revealed.serverSeed), ` (hash ${
        s.revealed.serverSeedHash.slice(0, 16)}…, ${s.revealed.noncesUsed} rounds): its rounds can be verified now.`);
    }
  }

  async function loadSeeds() {
    try {
      showSeeds(await ctx.call("fair.seeds"));
    } catch (e) {
      // shown
    }
  }

  async function load() {
    let r;
    try {
      r = await ctx.call("history", { limit: HISTORY_LIMIT });
    } catch (e) {
      return;
    }
    $("slot-history").tBodies[0].replaceChildren(...(r.slotRounds.length ? r.slotRounds.map(slotRow)
        : [empty(8, "No slot rounds yet.")]));
    $("table-history").tBodies[0].replaceChildren(...(r.tableBets.length ? r.tableBets.map(betRow)
        : [empty(9, "No table bets yet.")]));
    // A counter tests and tools can wait on: the rows above are from the latest load.
    const table = $("slot-history");
    table.dataset.loads = String(Number(table.dataset.loads || 0) + 1);
  }

  const empty = (span, text) => el("tr", {}, el("td", { colspan: span, class: "muted" }, text));

  function verdictCell(testid, check) {
    const out = el("span", { class: "verdict", "data-testid": `${testid}-result`, "data-verdict": "" });
    const button = el("button", { type: "button", class: "small-button", "data-testid": testid,
      onclick: async () => {
        button.disabled = true;
        out.textContent = "checking…";
        try {
          const v = await check();
          show(out, v);
        } catch (e) {
          show(out, { verdict: "ERROR", text: e.code ? `${e.code}: ${e.message}` : String(e.message || e) });
        } finally {
          button.disabled = false;
        }
      } }, "Verify");
    return el("td", { class: "verify" }, button, " ", out);
  }

  function show(out, v) {
    out.dataset.verdict = v.verdict;
    out.className = `verdict ${v.verdict.toLowerCase().replace("_", "-")}`;
    out.textContent = v.text;
    out.title = v.details || "";
  }

  const fromResult = (result) => ({
    verdict: result.match ? "MATCH" : "MISMATCH",
    text: result.match ? "MATCH ✓" : "MISMATCH ✗",
    details: result.checks.map((c) => `${c.match ? "✓" : "✗"} ${c.name}: expected ${c.expected}, got ${c.actual}`)
        .join("\n"),
  });

  async function seedFor(hash) {
    if (revealed.has(hash)) {
      return revealed.get(hash);
    }
    try {
      const r = await ctx.conn.request("fair.revealed", { serverSeedHash: hash });
      revealed.set(hash, r.serverSeed);
      return r.serverSeed;
    } catch (e) {
      if (e.code === "SEED_NOT_REVEALED") {
        return null;
      }
      throw e;
    }
  }

  function slotRow(round) {
    const game = ctx.games.find((g) => g.id === round.game);
    return el("tr", { "data-round-id": round.roundId },
        el("td", {}, formatTime(round.createdAt)), el("td", {}, game ? game.name : round.game),
        el("td", { class: "num" }, ctx.money(round.stake)),
        el("td", { class: `num ${round.win > 0 ? "won" : ""}` }, ctx.money(round.win)),
        el("td", {}, round.stops.join(",")), el("td", { class: "num" }, String(round.nonce)),
        el("td", {}, el("code", { title: round.serverSeedHash }, `${round.serverSeedHash.slice(0, 12)}…`)),
        verdictCell(`verify-slot-${round.roundId}`, async () => {
          if (!game) {
            return { verdict: "ERROR", text: `unknown game ${round.game}` };
          }
          const seed = await seedFor(round.serverSeedHash);
          if (seed === null) {
            return { verdict: "NOT_REVEALED", text: "seed still in play: rotate seeds to reveal",
              details: "Rotate your seeds above; the old server seed is then public." };
          }
          return fromResult(await verifySlotRound(round, seed, game));
        }));
  }

  function betRow(bet, index) {
    const hasResult = typeof bet.number === "number" && bet.seed;
    return el("tr", { "data-table-id": bet.tableId, "data-round-id": bet.roundId },
        el("td", {}, formatTime(bet.placedAt)), el("td", {}, bet.tableId), el("td", { class: "num" }, String(bet.roundId)),
        el("td", {}, `${bet.kind}${bet.selection ? ` ${bet.selection}` : ""}`),
        el("td", { class: "num" }, ctx.money(bet.stake)), el("td", {}, bet.status),
        el("td", { class: `num ${bet.returned > 0 ? "won" : ""}` }, ctx.money(bet.returned)),
        el("td", {}, hasResult ? el("span", { class: `pill ${colourOf(bet.number)}` }, String(bet.number)) : "–"),
        hasResult ? verdictCell(`verify-bet-${index}`, async () => fromResult(await verifyRouletteRound(bet)))
            : el("td", { class: "muted" }, "after the result"));
  }

  $("btn-history").addEventListener("click", load);
  $("client-seed-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const clientSeed = $("client-seed-input").value;
    try {
      showSeeds(await ctx.call("fair.clientSeed", { clientSeed }));
      $("client-seed-input").value = "";
      toast("Client seed set: it applies from your next spin.", "ok");
    } catch (err) {
      // shown
    }
  });
  $("btn-rotate").addEventListener("click", async () => {
    try {
      showSeeds(await ctx.call("fair.rotate"));
      toast("Seeds rotated: the previous server seed is revealed.", "ok");
      await load();
    } catch (err) {
      // shown
    }
  });

  return {
    onShow(tab) {
      if (tab === "history") {
        loadSeeds();
        load();
      }
    },
    onSignedOut() {
      revealed.clear();
      ["fair-hash", "fair-client-seed", "fair-nonce"].forEach((id) => ($(id).textContent = "–"));
      $("fair-revealed").replaceChildren();
      $("slot-history").tBodies[0].replaceChildren();
      $("table-history").tBodies[0].replaceChildren();
    },
    onSignedIn() {
      revealed.clear();
      if (!$("panel-history").hidden) {
        loadSeeds();
        load();
      }
    },
  };
}
