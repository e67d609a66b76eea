// Provably fair recomputation in the browser: the same stream the grid draws from (docs/protocol.md,
// "Recomputing a spin" / "Recomputing a roulette round"), so a player needs to trust nothing the server says
// about an outcome once its seed is revealed. Pure functions over values; the only dependency is WebCrypto.

const TWO_32 = 2 ** 32;
const WHEEL_NUMBERS = 37;

function subtle() {
  const s = globalThis.crypto && globalThis.crypto.subtle;
  if (!s) {
    throw new Error("WebCrypto is not available here (it needs https or localhost)");
  }
  return s;
}

/** Hex text (any case, even length) as bytes. */
export function hexToBytes(hex) {
  if (typeof hex !== "string" || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error("not a hex string");
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return bytes;
}

/** Bytes as lower-case hex. */
export function bytesToHex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** SHA-256 of the seed's raw bytes (not of its hex text), as lower-case hex. */
export async function sha256Hex(seedHex) {
  return bytesToHex(await subtle().digest("SHA-256", hexToBytes(seedHex)));
}

/**
 * The random stream of one round: HMAC-SHA256(key = serverSeed bytes, "clientSeed:nonce:cursor") for cursor
 * 0, 1, 2, … concatenated. Blocks are computed on demand, so draws are async.
 */
export class FairStream {
  constructor(serverSeedHex, clientSeed, nonce) {
    this.seed = hexToBytes(serverSeedHex);
    this.prefix = `${clientSeed}:${nonce}:`;
    this.cursor = 0;
    this.block = new Uint8Array(0);
    this.position = 0;
    this.key = null;
  }

  async nextByte() {
    if (this.position === this.block.length) {
      if (this.key === null) {
        this.key = await subtle().importKey("raw", this.seed, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      }
      const message = new TextEncoder().encode(this.prefix + this.cursor);
      this.block = new Uint8Array(await subtle().sign("HMAC", this.key, message));
      this.cursor++;
      this.position = 0;
    }
    return this.block[this.position++];
  }

  /** The next 4 bytes as a big-endian unsigned 32-bit integer. */
  async nextUint32() {
    let u = 0;
    for (let i = 0; i < 4; i++) {
      u = u * 256 + (await this.nextByte());
    }
    return u;
  }

  /** Uniform in [0, bound): values in the biased tail of 2^32 are discarded and redrawn (no modulo bias). */
  async nextInt(bound) {
    if (!Number.isInteger(bound) || bound <= 0 || bound > TWO_32) {
      throw new Error("bound must be a positive integer");
    }
    const limit = TWO_32 - (TWO_32 % bound);
    for (;;) {
      const u = await this.nextUint32();
      if (u < limit) {
        return u % bound;
      }
    }
  }
}

/** The stops of a spin: one nextInt(strip length) per reel, left to right. */
export async function slotStops(serverSeedHex, clientSeed, nonce, strips) {
  const stream = new FairStream(serverSeedHex, clientSeed, nonce);
  const stops = [];
  for (const strip of strips) {
    stops.push(await stream.nextInt(strip.length));
  }
  return stops;
}

/** The visible window of these stops: rows × reels of symbol names. */
export function slotWindow(strips, stops, rows = 3) {
  const window = [];
  for (let r = 0; r < rows; r++) {
    window.push(strips.map((strip, i) => strip[(stops[i] + r) % strip.length]));
  }
  return window;
}

/** The winning number of a roulette round: nextInt(37) with clientSeed = table id and nonce = round id. */
export async function rouletteNumber(seedHex, tableId, roundId) {
  return new FairStream(seedHex, tableId, roundId).nextInt(WHEEL_NUMBERS);
}

const sameList = (a, b) => Array.isArray(a) && Array.isArray(b) && a.length === b.length
    && a.every((x, i) => (Array.isArray(x) ? sameList(x, b[i]) : x === b[i]));

/**
 * Checks a slot round against its revealed server seed. `round` as in `history.slotRounds`; `game` as in
 * `slot.games`. Returns {match, checks: [{name, match, expected, actual}]}.
 */
export async function verifySlotRound(round, serverSeedHex, game) {
  const hash = await sha256Hex(serverSeedHex);
  const stops = await slotStops(serverSeedHex, round.clientSeed, round.nonce, game.strips);
  const checks = [
    { name: "SHA-256(server seed) = committed hash", match: hash === round.serverSeedHash.toLowerCase(),
      expected: round.serverSeedHash, actual: hash },
    { name: "stops", match: sameList(stops, round.stops), expected: round.stops.join(","), actual: stops.join(",") },
  ];
  if (Array.isArray(round.symbols) && round.symbols.length > 0) {
    const window = slotWindow(game.strips, stops, round.symbols.length);
    checks.push({ name: "symbols", match: sameList(window, round.symbols),
      expected: round.symbols.map((r) => r.join(",")).join(" | "), actual: window.map((r) => r.join(",")).join(" | ") });
  }
  return { match: checks.every((c) => c.match), checks };
}

/** Checks a roulette round: its seed hashes to the published seedHash and draws the announced number. */
export async function verifyRouletteRound({ tableId, roundId, seed, seedHash, number }) {
  const hash = await sha256Hex(seed);
  const drawn = await rouletteNumber(seed, tableId, roundId);
  const checks = [
    { name: "SHA-256(seed) = seedHash", match: hash === String(seedHash).toLowerCase(), expected: seedHash, actual: hash },
    { name: "number", match: drawn === number, expected: number, actual: drawn },
  ];
  return { match: checks.every((c) => c.match), checks };
}
