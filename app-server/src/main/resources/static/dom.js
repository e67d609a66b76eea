// Small DOM helpers shared by the views.

export const $ = (id) => document.getElementById(id);

/** An element with attributes (`class`, `data-*`, `on*` handlers, anything else as an attribute) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** A short message in the corner; errors stay longer. The last one is also kept in `data-last` for tests. */
export function toast(text, kind = "info") {
  const box = $("toasts");
  const item = el("div", { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status",
    "data-testid": kind === "error" ? "error" : "notice" }, text);
  box.append(item);
  box.dataset.last = text;
  setTimeout(() => item.remove(), kind === "error" ? 9000 : 4000);
}

/** A fresh idempotency key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newKey() {
  if (globalThis.crypto && typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Epoch milliseconds as local time of day (with the date when not today). */
export function formatTime(ms) {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString() : d.toLocaleString();
}
