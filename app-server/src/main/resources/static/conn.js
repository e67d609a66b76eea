// The WebSocket to the app server: requests matched to replies by id, pushes as events, and automatic reconnect
// with exponential backoff. It knows the envelope of docs/protocol.md, nothing of the game.

/** A rejected request: the server's code and message, or a local one (CONNECTION_LOST, TIMEOUT, OFFLINE). */
export class ProtocolError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }

  toString() {
    return `${this.code}: ${this.message}`;
  }
}

export class Connection extends EventTarget {
  constructor(url, { backoffMinMs = 500, backoffMaxMs = 15000, requestTimeoutMs = 20000 } = {}) {
    super();
    this.url = url;
    this.backoffMinMs = backoffMinMs;
    this.backoffMaxMs = backoffMaxMs;
    this.requestTimeoutMs = requestTimeoutMs;
    this.socket = null;
    this.pending = new Map();
    this.nextId = 1;
    this.failures = 0;
    this.state = "idle";
    this.retryTimer = null;
  }

  /** Opens the socket; it reopens by itself until the page goes away. */
  start() {
    if (this.socket) {
      return;
    }
    this.setState("connecting");
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.failures = 0;
      this.setState("open");
      this.dispatchEvent(new Event("open"));
    });
    socket.addEventListener("message", (e) => this.onFrame(e.data));
    socket.addEventListener("close", (e) => this.onClose(e));
  }

  /** Reconnects now instead of waiting out the backoff. */
  retryNow() {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.start();
    }
  }

  onClose(event) {
    this.socket = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new ProtocolError("CONNECTION_LOST", "the connection dropped before the reply"));
    }
    this.pending.clear();
    this.failures++;
    // Full jitter: many browsers reconnecting after a restart do not arrive in one wave.
    const ceiling = Math.min(this.backoffMaxMs, this.backoffMinMs * 2 ** Math.min(this.failures - 1, 10));
    const delayMs = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
    this.setState("closed", { code: event.code, reason: event.reason, retryInMs: delayMs });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, delayMs);
  }

  onFrame(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (frame.type === "event") {
      this.dispatchEvent(new CustomEvent("push", { detail: frame }));
      return;
    }
    const waiting = this.pending.get(frame.id);
    if (!waiting) {
      if (frame.type === "error") {
        this.dispatchEvent(new CustomEvent("stray-error", { detail: new ProtocolError(frame.code, frame.message) }));
      }
      return;
    }
    this.pending.delete(frame.id);
    clearTimeout(waiting.timer);
    if (frame.type === "error") {
      waiting.reject(new ProtocolError(frame.code, frame.message));
    } else {
      waiting.resolve(frame);
    }
  }

  /** Sends a request; resolves with the reply, rejects with a ProtocolError. */
  request(type, fields = {}) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new ProtocolError("OFFLINE", "not connected; reconnecting"));
    }
    const id = `c${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ProtocolError("TIMEOUT", `no reply to ${type} in ${this.requestTimeoutMs / 1000} s`));
      }, this.requestTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ ...fields, type, id }));
    });
  }

  setState(state, detail = {}) {
    this.state = state;
    this.dispatchEvent(new CustomEvent("state", { detail: { state, ...detail } }));
  }
}
