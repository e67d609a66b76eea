// Live roulette: table lobby, seat, betting board, round timer, live bets of the table, own settlement.
import { $, el, toast } from "./dom.js";

const RED = new Set([1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36]);
const RECENT_MAX = 15;
const FEED_MAX = 40;
/** Clock differences below this are latency, not skew: the server's closesAt is then used as it is. */
const SKEW_IGNORED_MS = 1000;

export const colourOf = (n) => (n === 0 ? "green" : RED.has(n) ? "red" : "black");

const OUTSIDE_LABELS = { RED: "Red", BLACK: "Black", ODD: "Odd", EVEN: "Even", LOW: "1–18", HIGH: "19–36" };

/** The bets of the board: kind, selection (omitted for even-money bets), label, key for merging. */
function spot(kind, selection) {
  const key = selection === undefined ? kind : `${kind}-${selection}`;
  const label = kind === "STRAIGHT" ? String(selection)
      : kind === "DOZEN" ? `${["1st", "2nd", "3rd"][selection - 1]} 12`
      : kind === "COLUMN" ? `column ${selection}` : OUTSIDE_LABELS[kind];
  return { key, kind, selection, label, boardLabel: kind === "COLUMN" ? "2 to 1" : label };
}

/** The server's bet text "KIND:selection:stake;…" for people: "Red €1.00, 17 €0.50". */
function describeBets(text, money) {
  const parts = String(text).split(";").map((bet) => {
    const [kind, selection, stake] = bet.split(":");
    if (!kind || !/^\d+$/.test(stake || "")) {
      return null;
    }
    const first = selection ? Number(selection.split(/[,-]/)[0]) : undefined;
    const label = ["STRAIGHT", "DOZEN", "COLUMN"].includes(kind) && !selection.includes(",")
        ? spot(kind, first).label : `${kind.toLowerCase().replace("_", " ")}${selection ? ` ${selection}` : ""}`;
    return `${OUTSIDE_LABELS[kind] || label} ${money(Number(stake))}`;
  });
  return parts.every(Boolean) ? parts.join(", ") : String(text);
}

export function createRoulette(ctx) {
  let table = null;
  let round = null;
  let clockOffsetMs = 0;
  let chip = 0;
  const pending = new Map();
  const placed = new Map();
  const recent = [];

  // ---- lobby

  async function loadTables() {
    try {
      const r = await ctx.call("table.list");
      renderLobby(r.tables);
      return r.tables;
    } catch (e) {
      return [];
    }
  }

  function renderLobby(tables) {
    $("table-list").replaceChildren(...tables.map((t) => el("li", { class: "table-item" },
        el("div", {}, el("strong", {}, t.name), el("div", { class: "small muted" },
            `${ctx.money(t.limits.stakeMin)} min · straight up to ${ctx.money(t.limits.straightStakeMax)} · `
            + `${t.bettingWindowMs / 1000} s to bet${t.round ? ` · round ${t.round.roundId} ${t.round.status}` : ""}`)),
        el("button", { type: "button", class: "primary", "data-testid": `join-${t.tableId}`,
          disabled: !t.open, onclick: () => join(t.tableId) }, t.open ? "Join" : "Closed"))));
  }

  async function join(tableId) {
    try {
      const r = await ctx.call("table.join", { tableId });
      seat(r.table);
    } catch (e) {
      // shown
    }
  }

  async function leave() {
    try {
      await ctx.call("table.leave");
    } catch (e) {
      return;
    }
    unseat();
    loadTables();
  }

  function unseat() {
    table = null;
    round = null;
    $("my-bets").textContent = "";
    $("settlement").textContent = "";
    $("table-view").hidden = true;
    $("table-lobby").hidden = false;
  }

  function seat(t) {
    table = t;
    recent.length = 0;
    pending.clear();
    placed.clear();
    $("bet-feed").replaceChildren();
    $("table-name").textContent = t.name;
    $("table-lobby").hidden = true;
    $("table-view").hidden = false;
    renderChips();
    renderBoard();
    renderSlip();
    if (t.round) {
      setRound({ roundId: t.round.roundId, status: t.round.status, closesAt: t.round.closesAt });
      if (t.round.number !== undefined && t.round.number !== null) {
        showResult(t.round.number);
      }
    }
  }

  // ---- chips and board

  function renderChips() {
    const min = table.limits.stakeMin;
    const values = [1, 5, 10, 50, 100].map((m) => m * min).filter((v) => v <= table.limits.outsideStakeMax);
    chip = chip && values.includes(chip) ? chip : values[0];
    $("chips").replaceChildren(el("span", { class: "muted small" }, "Chip"), ...values.map((v) =>
      el("button", { type: "button", class: `chip${v === chip ? " selected" : ""}`, "data-testid": `chip-${v}`,
        "data-value": v, onclick: () => {
          chip = v;
          renderChips();
        } }, ctx.money(v))));
  }

  function cell(s, extraClass = "", style = "") {
    return el("button", { type: "button", class: `spot ${extraClass}`, style, "data-testid": `bet-${s.key}`,
      "data-key": s.key, title: `${s.label}: click to add a chip`, onclick: () => addChip(s) },
    el("span", { class: "spot-label" }, s.boardLabel), el("span", { class: "stake" }));
  }

  function renderBoard() {
    const board = $("board");
    board.replaceChildren(cell(spot("STRAIGHT", 0), "green zero", "grid-row: 1 / span 3; grid-column: 1"));
    for (let col = 0; col < 12; col++) {
      for (let row = 0; row < 3; row++) {
        const n = col * 3 + (3 - row);
        board.append(cell(spot("STRAIGHT", n), colourOf(n), `grid-row:${row + 1}; grid-column:${col + 2}`));
      }
    }
    for (let row = 0; row < 3; row++) {
      board.append(cell(spot("COLUMN", 3 - row), "outside", `grid-row:${row + 1}; grid-column:14`));
    }
    for (let d = 1; d <= 3; d++) {
      board.append(cell(spot("DOZEN", d), "outside", `grid-row:4; grid-column:${(d - 1) * 4 + 2} / span 4`));
    }
    ["LOW", "EVEN", "RED", "BLACK", "ODD", "HIGH"].forEach((kind, i) => board.append(cell(spot(kind),
        `outside ${kind === "RED" ? "red" : kind === "BLACK" ? "black" : ""}`,
        `grid-row:5; grid-column:${i * 2 + 2} / span 2`)));
    renderStakes();
  }

  function renderStakes() {
    document.querySelectorAll("#board .spot").forEach((node) => {
      const p = pending.get(node.dataset.key);
      const done = placed.get(node.dataset.key);
      node.classList.toggle("has-pending", Boolean(p));
      node.classList.toggle("has-placed", Boolean(done));
      node.querySelector(".stake").textContent = p ? ctx.money(p.stake) : done ? ctx.money(done) : "";
    });
  }

  function addChip(s) {
    const current = pending.get(s.key);
    pending.set(s.key, { ...s, stake: (current ? current.stake : 0) + chip });
    renderSlip();
  }

  function renderSlip() {
    const bets = [...pending.values()];
    const total = bets.reduce((sum, b) => sum + b.stake, 0);
    $("bet-slip").textContent = bets.length === 0 ? "No bets yet: pick a chip and click the board."
        : `${bets.map((b) => `${b.label} ${ctx.money(b.stake)}`).join(" · ")} — total ${ctx.money(total)}`;
    $("btn-place-bets").disabled = bets.length === 0;
    renderStakes();
  }

  async function placeBets() {
    const bets = [...pending.values()];
    if (!table || bets.length === 0) {
      return;
    }
    if (!round || round.status !== "OPEN") {
      toast("Betting is closed: wait for the next round.", "error");
      return;
    }
    const roundId = round.roundId;
    const button = $("btn-place-bets");
    button.disabled = true;
    const wire = bets.map((b) => (b.selection === undefined ? { kind: b.kind, stake: b.stake }
        : { kind: b.kind, selection: b.selection, stake: b.stake }));
    try {
      const r = await ctx.callOnce("table.bet", { tableId: table.tableId, roundId, bets: wire });
      ctx.setBalance(r.balance);
      if (round && round.roundId === roundId) {
        bets.forEach((b) => placed.set(b.key, (placed.get(b.key) || 0) + b.stake));
      }
      pending.clear();
      renderSlip();
      const mine = $("my-bets");
      mine.dataset.acceptedRound = String(roundId);
      mine.dataset.total = String(r.totalStake);
      mine.dataset.balance = String(r.balance);
      mine.textContent = `Bets accepted for round ${roundId}: ${bets.map((b) => `${b.label} ${ctx.money(b.stake)}`)
          .join(", ")} (total ${ctx.money(r.totalStake)}).`;
    } catch (e) {
      // shown; the slip stays so the player can try the next round
    } finally {
      renderSlip();
    }
  }

  // ---- round state

  function setRound(r) {
    round = { ...round, ...r };
    $("round-id").textContent = String(round.roundId);
    const status = $("round-status");
    status.dataset.status = round.status;
    status.textContent = { OPEN: "place your bets", CLOSED: "no more bets", RESULT: "result",
      SETTLED: "settled", REFUNDED: "voided, stakes returned" }[round.status] || round.status.toLowerCase();
    status.className = `status ${round.status.toLowerCase()}`;
    $("btn-place-bets").classList.toggle("attention", round.status === "OPEN" && pending.size > 0);
    tick();
  }

  function tick() {
    const timer = $("round-timer");
    if (!round || round.status !== "OPEN") {
      timer.textContent = "";
      timer.dataset.remainingMs = "0";
      return;
    }
    const remaining = Math.max(0, round.closesAt - (Date.now() + clockOffsetMs));
    timer.dataset.remainingMs = String(remaining);
    timer.textContent = remaining > 0 ? `${(remaining / 1000).toFixed(1)} s` : "closing…";
    timer.classList.toggle("urgent", remaining < 3000);
  }

  function showResult(number) {
    const node = $("round-result");
    node.replaceChildren(el("span", { class: `ball ${colourOf(number)}`, "data-number": number }, String(number)));
    node.dataset.number = String(number);
  }

  function addRecent(number) {
    recent.unshift(number);
    recent.length = Math.min(recent.length, RECENT_MAX);
    $("recent-results").replaceChildren(el("span", { class: "muted small" }, "Recent"),
        ...recent.map((n) => el("span", { class: `pill ${colourOf(n)}`, "data-number": n }, String(n))));
  }

  function feed(text, mine) {
    const list = $("bet-feed");
    list.prepend(el("li", { class: mine ? "mine" : "" }, text));
    while (list.children.length > FEED_MAX) {
      list.lastChild.remove();
    }
  }

  function onTableEvent(e) {
    switch (e.event) {
      case "round.opened":
        placed.clear();
        renderStakes();
        $("round-result").replaceChildren();
        setRound({ roundId: e.roundId, status: "OPEN", closesAt: e.closesAt, seedHash: e.seedHash });
        break;
      case "round.closed":
        setRound({ roundId: e.roundId, status: "CLOSED" });
        break;
      case "round.result":
        setRound({ roundId: e.roundId, status: "RESULT" });
        showResult(e.number);
        addRecent(e.number);
        break;
      case "round.settled":
        setRound({ roundId: e.roundId, status: "SETTLED" });
        break;
      case "round.refunded":
        setRound({ roundId: e.roundId, status: "REFUNDED" });
        toast(`Round ${e.roundId} was voided: ${ctx.money(e.refunded)} in stakes returned.`, "info");
        break;
      case "bets.placed":
        for (const b of e.placed) {
          const mine = ctx.player && b.playerId === ctx.player.playerId;
          feed(`${mine ? "You" : `Player ${b.playerId}`} · round ${e.roundId} · ${ctx.money(b.stake)} · ${describeBets(b.bets, ctx.money)}`, mine);
        }
        break;
      case "bet.settled": {
        const s = $("settlement");
        s.dataset.round = String(e.roundId);
        s.dataset.returned = String(e.returned);
        s.dataset.number = String(e.number);
        s.className = e.returned > 0 ? "won" : "lost";
        s.textContent = `Round ${e.roundId}: ${e.number} ${colourOf(e.number)} — `
            + (e.returned > 0 ? `you get ${ctx.money(e.returned)} back` : "no win this time");
        ctx.setBalance(e.balance, e.at);
        break;
      }
      default:
    }
  }

  $("btn-tables").addEventListener("click", loadTables);
  $("btn-leave").addEventListener("click", leave);
  $("btn-place-bets").addEventListener("click", placeBets);
  $("btn-clear-bets").addEventListener("click", () => {
    pending.clear();
    renderSlip();
  });
  setInterval(tick, 100);

  return {
    async onSignedIn(player) {
      const tables = await loadTables();
      const seated = player.seat && tables.find((t) => t.tableId === player.seat);
      if (seated) {
        seat(seated);
      } else {
        unseat();
      }
    },
    onSignedOut: unseat,
    onShow(tab) {
      if (tab === "roulette" && !table) {
        loadTables();
      }
    },
    onPush(e) {
      if (typeof e.at === "number") {
        const offset = e.at - Date.now();
        clockOffsetMs = Math.abs(offset) > SKEW_IGNORED_MS ? offset : 0;
      }
      if (table && e.tableId === table.tableId) {
        onTableEvent(e);
      }
    },
  };
}
