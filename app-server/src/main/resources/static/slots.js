// The slot machine: game picker from `slot.games`, a 5×3 window of reels, stake selector, spin.
import { $, el } from "./dom.js";
import { slotWindow } from "./fair.js";

/** How a symbol looks: a glyph and a colour. Unknown symbols get their first letters and a colour of their own. */
const LOOKS = {
  CHERRY: ["🍒", "#e11d48"], LEMON: ["🍋", "#eab308"], ORANGE: ["🍊", "#f97316"], PLUM: ["🫐", "#7c3aed"],
  GRAPES: ["🍇", "#9333ea"], BELL: ["🔔", "#ca8a04"], BAR: ["BAR", "#334155"], SEVEN: ["7", "#dc2626"],
  WILD: ["🃏", "#0891b2"], STAR: ["⭐", "#f59e0b"],
  NINE: ["9", "#64748b"], TEN: ["10", "#475569"], JACK: ["J", "#2563eb"], QUEEN: ["Q", "#db2777"],
  KING: ["K", "#7c3aed"], ACE: ["A", "#dc2626"], JADE: ["💠", "#059669"], COIN: ["🪙", "#ca8a04"],
  TIGER: ["🐯", "#ea580c"], DRAGON: ["🐉", "#b91c1c"], GONG: ["🥁", "#b45309"],
};

function looks(name) {
  if (LOOKS[name]) {
    return LOOKS[name];
  }
  let hash = 0;
  for (const ch of name) {
    hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  }
  return [name.slice(0, 3), `hsl(${Math.abs(hash) % 360} 60% 40%)`];
}

/** Stakes a player would pick: 1-2-5 steps between min and max that the game's step allows, plus both ends. */
export function stakeChoices(min, max, step) {
  const choices = new Set([min, max]);
  for (let decade = 1; decade <= max; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const v = m * decade;
      if (v > min && v < max && (v - min) % step === 0) {
        choices.add(v);
      }
    }
  }
  return [...choices].sort((a, b) => a - b);
}

export function createSlots(ctx) {
  let game = null;
  let spinning = false;
  const reels = $("reels");
  const picker = $("slot-game");
  const stake = $("slot-stake");
  const spinButton = $("btn-spin");

  function renderWindow(rows, winning = false) {
    reels.replaceChildren();
    reels.classList.toggle("won", winning);
    for (let reel = 0; reel < rows[0].length; reel++) {
      const column = el("div", { class: "reel", "data-reel": reel });
      for (let row = 0; row < rows.length; row++) {
        const name = rows[row][reel];
        const [glyph, colour] = looks(name);
        column.append(el("div", { class: "cell", "data-symbol": name, "data-row": row, title: name,
          style: `--symbol:${colour}` }, el("span", { class: "glyph" }, glyph),
        el("span", { class: "label" }, name.toLowerCase())));
      }
      reels.append(column);
    }
  }

  function selectGame(id) {
    game = ctx.games.find((g) => g.id === id) || ctx.games[0];
    if (!game) {
      return;
    }
    picker.value = game.id;
    const previous = Number(stake.value);
    stake.replaceChildren(...stakeChoices(game.stakeMin, game.stakeMax, game.stakeStep)
        .map((v) => el("option", { value: v }, ctx.money(v))));
    if (previous && [...stake.options].some((o) => Number(o.value) === previous)) {
      stake.value = String(previous);
    }
    $("slot-info").textContent = `${game.lineCount} lines${game.rtp ? ` · RTP ${(game.rtp * 100).toFixed(2)} %` : ""}`;
    renderWindow(slotWindow(game.strips, game.strips.map(() => 0), game.rows));
    renderPaytable();
  }

  function renderPaytable() {
    const old = document.getElementById("paytable");
    old?.remove();
    const rows = Object.entries(game.paytable || {}).map(([symbol, pays]) => {
      const [glyph, colour] = looks(symbol);
      return el("tr", {}, el("td", { style: `color:${colour}` }, `${glyph} ${symbol.toLowerCase()}`),
          ...pays.map((p) => el("td", {}, p ? `×${p}` : "–")));
    });
    const scatter = Object.entries(game.scatterPays || {}).map(([count, pay]) => `${count}× scatter pays ×${pay}`);
    const details = el("details", { id: "paytable", class: "paytable" }, el("summary", {}, "Paytable"),
        el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Symbol"),
            ...[1, 2, 3, 4, 5].map((n) => el("th", {}, `${n} of a kind`)))), el("tbody", {}, rows)),
        el("p", { class: "small muted" }, "Pays are × line stake (stake ÷ lines). ", scatter.join(" · ")));
    $("slot-last").after(details);
  }

  async function spin() {
    if (spinning || !game) {
      return;
    }
    spinning = true;
    spinButton.disabled = true;
    reels.classList.add("spinning");
    $("slot-win").classList.remove("big-win");
    try {
      const r = await ctx.callOnce("slot.spin", { game: game.id, stake: Number(stake.value) });
      renderWindow(r.symbols, r.win > 0);
      const win = $("slot-win");
      win.textContent = ctx.money(r.win);
      win.dataset.minor = String(r.win);
      win.classList.toggle("big-win", r.win > 0);
      ctx.setBalance(r.balance);
      const last = $("slot-last");
      last.dataset.roundId = r.roundId;
      last.dataset.stake = String(r.stake);
      last.dataset.balance = String(r.balance);
      last.textContent = `Last round ${r.roundId.slice(0, 8)}… · stake ${ctx.money(r.stake)} · `
          + `${r.win > 0 ? `won ${ctx.money(r.win)}` : "no win"} · stops ${r.stops.join(",")} · nonce ${r.nonce}`;
    } catch (e) {
      // Shown by callOnce.
    } finally {
      reels.classList.remove("spinning");
      spinning = false;
      spinButton.disabled = false;
    }
  }

  picker.addEventListener("change", () => selectGame(picker.value));
  spinButton.addEventListener("click", spin);

  return {
    async onConnected() {
      if (ctx.games.length) {
        return;
      }
      try {
        const r = await ctx.conn.request("slot.games");
        ctx.games = r.games;
        picker.replaceChildren(...r.games.map((g) => el("option", { value: g.id }, g.name)));
        selectGame(r.games[0]?.id);
      } catch (e) {
        ctx.showError(e);
      }
    },
    onSignedOut() {
      $("slot-win").textContent = "–";
      $("slot-win").dataset.minor = "";
      $("slot-last").textContent = "";
      $("slot-last").dataset.roundId = "";
    },
    onSignedIn() {
      if (game) {
        selectGame(game.id); // money is shown in the player's currency now
      }
    },
  };
}
