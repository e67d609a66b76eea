// The player's page: session (register, login, resume with the token, logout), wallet, tabs, and the wiring of
// the game views. Every view gets the same small context; the protocol is in docs/protocol.md.
import { Connection, ProtocolError } from "./conn.js";
import { $, newKey, toast } from "./dom.js";
import { exponentOf, formatMoney, parseMajor } from "./money.js";
import { createSlots } from "./slots.js";
import { createRoulette } from "./roulette.js";
import { createHistory } from "./history.js";
import { createLimits } from "./limits.js";

const TOKEN_KEY = "croupier.token";
const PAYMENT_TOKEN = "tok_web";
/**
 * Outcomes after which a money request is sent again with the same idempotency key: its fate is unknown (the grid
 * or the connection did not answer), or it was refused before doing anything (busy, rate limited, not sent).
 */
const RETRYABLE = new Set(["SERVICE_UNAVAILABLE", "OVERLOADED", "RATE_LIMITED", "CONNECTION_LOST", "TIMEOUT",
  "OFFLINE"]);
const RETRY_ATTEMPTS_MAX = 5;
const AUTH_RETRY_MS = 2000;

const conn = new Connection(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);

const session = {
  player: null,
  currency: "EUR",
  balanceMinor: null,
  balanceAt: 0,
  ready: false,
  readyWaiters: [],
};

// ---- the context the views share

const ctx = {
  conn,
  games: [],
  get player() {
    return session.player;
  },
  money: (minor) => formatMoney(minor, session.currency),
  /** A plain request; errors are shown and rethrown. */
  async call(type, fields = {}) {
    try {
      return await conn.request(type, fields);
    } catch (e) {
      ctx.showError(e);
      throw e;
    }
  },
  /**
   * A request that moves money: one fresh idempotency key for this submission, reused for every retry after an
   * unknown outcome (lost connection, grid unavailable), so a retry can never move the money twice.
   */
  async callOnce(type, fields = {}) {
    const idempotencyKey = newKey();
    for (let attempt = 1; ; attempt++) {
      try {
        return await conn.request(type, { ...fields, idempotencyKey });
      } catch (e) {
        if (!RETRYABLE.has(e.code) || attempt >= RETRY_ATTEMPTS_MAX) {
          ctx.showError(e);
          throw e;
        }
        toast(`${e.code}: retrying ${type} (attempt ${attempt + 1})`, "info");
        await whenReady();
        await new Promise((r) => setTimeout(r, 300 * attempt));
      }
    }
  },
  showError(e) {
    const text = e instanceof ProtocolError ? `${e.code}: ${e.message}` : String(e.message || e);
    toast(text, "error");
    if (e.code === "NOT_AUTHENTICATED" && session.player) {
      signedOut("Your session ended: please log in again.");
    }
    return text;
  },
  setBalance(minor, at = 0) {
    if (typeof minor !== "number" || (at && at < session.balanceAt)) {
      return;
    }
    const before = session.balanceMinor;
    session.balanceMinor = minor;
    session.balanceAt = Math.max(session.balanceAt, at);
    const node = $("balance");
    node.textContent = ctx.money(minor);
    node.dataset.minor = String(minor);
    if (before !== null && before !== minor) {
      node.classList.remove("up", "down");
      void node.offsetWidth;
      node.classList.add(minor > before ? "up" : "down");
    }
  },
};

const views = [createSlots(ctx), createRoulette(ctx), createHistory(ctx), createLimits(ctx)];

// ---- connection and session

function whenReady() {
  return session.ready ? Promise.resolve() : new Promise((resolve) => session.readyWaiters.push(resolve));
}

function markReady(ready) {
  session.ready = ready;
  if (ready) {
    session.readyWaiters.splice(0).forEach((resolve) => resolve());
  }
}

conn.addEventListener("state", (e) => {
  const { state, retryInMs, code } = e.detail;
  const box = $("conn-status");
  box.dataset.state = state;
  $("btn-reconnect").hidden = state !== "closed";
  $("conn-text").textContent = state === "open" ? "connected"
      : state === "connecting" ? "connecting…"
      : `offline (${code || "no answer"}), retrying in ${Math.ceil(retryInMs / 1000)} s`;
  if (state !== "open") {
    markReady(false);
  }
});

conn.addEventListener("open", () => {
  views.forEach((v) => v.onConnected?.());
  resume();
});
// Back from sleep or offline: try at once instead of waiting out the backoff.
window.addEventListener("online", () => conn.retryNow());

/** On every (re)connect: `auth` with the stored token resumes the session and the seat. */
async function resume() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    markReady(true);
    return;
  }
  try {
    const reply = await conn.request("auth", { token, device: deviceLabel() });
    signedIn(reply, token);
  } catch (e) {
    if (e.code === "INVALID_TOKEN" || e.code === "TOKEN_EXPIRED") {
      signedOut(`${e.code}: ${e.message}`);
      markReady(true);
    } else if (RETRYABLE.has(e.code) && e.code !== "CONNECTION_LOST" && conn.state === "open") {
      // The grid did not answer: the token may be fine, so ask again shortly (a new connection asks by itself).
      setTimeout(resume, AUTH_RETRY_MS);
    } else if (e.code !== "CONNECTION_LOST") {
      ctx.showError(e);
    }
  }
}

conn.addEventListener("push", (e) => {
  const event = e.detail;
  if (event.event === "balance") {
    ctx.setBalance(event.balance, event.at);
  }
  views.forEach((v) => v.onPush?.(event));
});

conn.addEventListener("stray-error", (e) => ctx.showError(e.detail));

function deviceLabel() {
  return `web ${navigator.userAgent}`.slice(0, 128);
}

function signedIn(reply, token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  session.player = reply;
  session.currency = reply.currency || "EUR";
  $("user-name").textContent = reply.username;
  document.querySelectorAll(".currency-code").forEach((n) => (n.textContent = session.currency));
  $("auth-view").hidden = true;
  $("account").hidden = false;
  $("game-view").hidden = false;
  markReady(true);
  conn.request("wallet.balance").then((r) => ctx.setBalance(r.balance), ctx.showError);
  views.forEach((v) => v.onSignedIn?.(reply));
}

function signedOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  session.player = null;
  session.balanceMinor = null;
  session.balanceAt = 0;
  $("balance").textContent = "–";
  $("balance").dataset.minor = "";
  $("auth-view").hidden = false;
  $("account").hidden = true;
  $("game-view").hidden = true;
  $("auth-error").textContent = message || "";
  $("wallet-result").textContent = "";
  views.forEach((v) => v.onSignedOut?.());
}

async function authenticate(type) {
  const form = $("auth-form");
  if (!form.reportValidity()) {
    return;
  }
  $("auth-error").textContent = "";
  try {
    const reply = await conn.request(type, { username: $("auth-username").value.trim(),
      password: $("auth-password").value, device: deviceLabel() });
    $("auth-password").value = "";
    signedIn(reply, reply.token);
    toast(type === "register" ? `Welcome, ${reply.username}!` : `Welcome back, ${reply.username}.`);
  } catch (e) {
    $("auth-error").textContent = `${e.code}: ${e.message}`;
  }
}

$("auth-form").addEventListener("submit", (e) => {
  e.preventDefault();
  authenticate("login");
});
$("btn-register").addEventListener("click", () => authenticate("register"));
$("btn-reconnect").addEventListener("click", () => conn.retryNow());
$("btn-logout").addEventListener("click", async () => {
  try {
    await conn.request("logout");
  } catch (e) {
    // The token is dropped here anyway; a session the server still holds expires on its own.
  }
  signedOut("You are logged out.");
});

// ---- wallet

async function moveMoney(type, input, verb) {
  const amount = parseMajor(input.value, session.currency);
  if (amount === null) {
    $("wallet-result").textContent = ctx.showError(new ProtocolError("INVALID_AMOUNT",
        `enter a positive amount in ${session.currency} with at most ${exponentOf(session.currency)} decimals`));
    return;
  }
  const fields = type === "wallet.deposit" ? { amount, paymentToken: PAYMENT_TOKEN } : { amount };
  // One submission at a time: a double click must not become a second deposit.
  const button = input.form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const reply = await ctx.callOnce(type, fields);
    ctx.setBalance(reply.balance);
    input.value = "";
    const text = `${verb} ${ctx.money(amount)}${reply.replayed ? " (already done)" : ""}: balance ${ctx.money(reply.balance)}`;
    $("wallet-result").textContent = text;
    toast(text, "ok");
  } catch (e) {
    $("wallet-result").textContent = `${e.code}: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

$("deposit-form").addEventListener("submit", (e) => {
  e.preventDefault();
  moveMoney("wallet.deposit", $("deposit-amount"), "Deposited");
});
$("withdraw-form").addEventListener("submit", (e) => {
  e.preventDefault();
  moveMoney("wallet.withdraw", $("withdraw-amount"), "Withdrew");
});

// ---- tabs

document.querySelectorAll(".tabs [data-tab]").forEach((tab) => tab.addEventListener("click", () => {
  const name = tab.dataset.tab;
  document.querySelectorAll(".tabs [data-tab]").forEach((t) => {
    t.classList.toggle("active", t === tab);
    t.setAttribute("aria-selected", String(t === tab));
  });
  document.querySelectorAll("[data-panel]").forEach((p) => (p.hidden = p.dataset.panel !== name));
  views.forEach((v) => v.onShow?.(name));
}));

conn.start();
