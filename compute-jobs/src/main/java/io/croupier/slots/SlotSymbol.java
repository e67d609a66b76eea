package io.croupier.slots;

/** A symbol of a slot game: its name as written on the reel strips, and its kind. */
public record SlotSymbol(String name, SymbolKind kind) {
}
