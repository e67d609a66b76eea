package io.croupier.app.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.croupier.app.grid.Accounts;
import io.croupier.app.grid.GridEvents;
import io.croupier.app.grid.GridLinks;
import io.croupier.app.grid.GridSessions;
import io.croupier.app.session.TokenSigner;
import io.croupier.cashier.Cashier;
import io.croupier.fair.RevealedSeed;
import io.croupier.game.Fairness;
import io.croupier.game.GameHistory;
import io.croupier.game.SeedResult;
import io.croupier.game.SeedsView;
import io.croupier.player.Account;
import io.croupier.rg.Exclusion;
import io.croupier.rg.LimitKind;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.rg.RgLimits;
import io.croupier.rg.RgResult;
import io.croupier.rg.RgView;
import io.croupier.roulette.BetSpec;
import io.croupier.roulette.PlaceBetsResult;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.TableBet;
import io.croupier.roulette.TableLimits;
import io.croupier.roulette.TableRound;
import io.croupier.roulette.TableState;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotDefinition;
import io.croupier.slots.SlotRound;
import io.croupier.slots.SlotSymbol;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.WalletService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operations of the protocol, one short method each. Input is already a {@link Request}; each returns the reply's
 * fields or fails with a {@link ProtocolException}. Work that waits on the grid runs on the request executor; money
 * operations go to the wallet pipeline asynchronously and hold no thread.
 */
final class Handlers {
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    static final int PASSWORD_CHARS_MIN = 8;
    static final int PASSWORD_CHARS_MAX = 128;
    static final int KEY_CHARS_MAX = 64;
    static final int DEVICE_CHARS_MAX = 128;
    static final int SEED_HASH_CHARS = 64;

    private final ObjectMapper json;
    private final Accounts accounts;
    private final GridSessions sessions;
    private final GridEvents events;
    private final GridLinks links;
    private final WalletService wallets;
    private final Cashier cashier;
    private final ResponsibleGambling rg;
    private final Fairness fairness;
    private final GameHistory history;
    private final RouletteTables tables;
    private final Connections connections;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final WsProperties properties;
    private final Executor executor;
    private final String dummyHash;
    /** The catalog does not change while the app server runs: its JSON is built once (and only ever read). */
    private final ArrayNode slotGames;
    private volatile TokenSigner signer;

    Handlers(ObjectMapper json, Accounts accounts, GridSessions sessions, GridEvents events, GridLinks links,
             WalletService wallets, Cashier cashier, ResponsibleGambling rg, SlotCatalog slots, Fairness fairness,
             GameHistory history, RouletteTables tables, Connections connections, PasswordEncoder passwords,
             Clock clock, WsProperties properties, Executor executor) {
        this.json = json;
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
        this.links = links;
        this.wallets = wallets;
        this.cashier = cashier;
        this.rg = rg;
        this.fairness = fairness;
        this.history = history;
        this.tables = tables;
        this.connections = connections;
        this.passwords = passwords;
        this.clock = clock;
        this.properties = properties;
        this.executor = executor;
        // Login of an unknown username still pays one hash check: response time does not tell which names exist.
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
        this.slotGames = json.createArrayNode();
        slots.games().values().stream().sorted(java.util.Comparator.comparing(SlotDefinition::id))
                .forEach(g -> slotGames.add(slotGame(g)));
    }

    // ---- accounts and sessions

    CompletableFuture<ObjectNode> onRegister(Connection c, Request r) {
        String username = r.text("username", 32);
        String password = r.text("password", PASSWORD_CHARS_MAX);
        String device = r.optionalText("device", DEVICE_CHARS_MAX);
        if (!USERNAME.matcher(username).matches()) {
            throw new ProtocolException("INVALID_USERNAME", "username must be 3..32 of A-Z a-z 0-9 _ . -");
        }
        if (password.length() < PASSWORD_CHARS_MIN) {
            throw new ProtocolException("INVALID_PASSWORD", "password must be " + PASSWORD_CHARS_MIN + ".."
                    + PASSWORD_CHARS_MAX + " characters");
        }
        return blocking(() -> {
            OptionalLong playerId = accounts.register(username, passwords.encode(password), properties.currency());
            if (playerId.isEmpty()) {
                throw new ProtocolException("USERNAME_TAKEN", "that username is taken");
            }
            return startSession(c, playerId.getAsLong(), username, properties.currency(), device);
        });
    }

    CompletableFuture<ObjectNode> onLogin(Connection c, Request r) {
        String username = r.text("username", 32);
        String password = r.text("password", PASSWORD_CHARS_MAX);
        String device = r.optionalText("device", DEVICE_CHARS_MAX);
        return blocking(() -> {
            Optional<Account> account = accounts.login(username);
            boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(dummyHash));
            if (account.isEmpty() || !matches) {
                throw new ProtocolException("INVALID_CREDENTIALS", "unknown username or wrong password");
            }
            Accounts.Profile profile = accounts.profile(account.get().playerId())
                    .orElseThrow(() -> new ProtocolException("INVALID_CREDENTIALS", "account has no player"));
            return startSession(c, profile.playerId(), profile.username(), profile.currency(), device);
        });
    }

    private ObjectNode startSession(Connection c, long playerId, String username, String currency, String device) {
        String sessionId = UUID.randomUUID().toString();
        long expiresAt = clock.millis() + properties.tokenTtlMs();
        sessions.open(sessionId, playerId, expiresAt, c.remoteAddress(), device);
        links.sessionStarted(playerId, c.remoteAddress(), device);
        String token = signer().issue(playerId, sessionId, expiresAt);
        bind(c, playerId, sessionId, currency, device);
        String seat = seatAgain(c, playerId);
        return json.createObjectNode().put("playerId", playerId).put("username", username).put("token", token)
                .put("expiresAt", expiresAt).put("currency", currency).put("seat", seat);
    }

    CompletableFuture<ObjectNode> onAuth(Connection c, Request r) {
        String token = r.text("token", TokenSigner.TOKEN_CHARS_MAX);
        String device = r.optionalText("device", DEVICE_CHARS_MAX);
        return blocking(() -> {
            TokenSigner.Verdict verdict = signer().verify(token, clock.millis());
            if (verdict.claims().isEmpty()) {
                throw verdict.rejection() == TokenSigner.Rejection.EXPIRED
                        ? new ProtocolException("TOKEN_EXPIRED", "token expired: log in again")
                        : new ProtocolException("INVALID_TOKEN", "token not valid");
            }
            TokenSigner.Claims claims = verdict.claims().get();
            if (!sessions.isLive(claims.sessionId(), claims.playerId())) {
                throw new ProtocolException("INVALID_TOKEN", "session ended: log in again");
            }
            Accounts.Profile profile = accounts.profile(claims.playerId())
                    .orElseThrow(() -> new ProtocolException("INVALID_TOKEN", "unknown player"));
            bind(c, profile.playerId(), claims.sessionId(), profile.currency(), device);
            // A resumed session may come from another device or address (a reconnect through another network).
            links.sessionStarted(profile.playerId(), c.remoteAddress(), device);
            String seat = seatAgain(c, profile.playerId());
            return json.createObjectNode().put("playerId", profile.playerId()).put("username", profile.username())
                    .put("expiresAt", claims.expiresAtMs()).put("currency", profile.currency()).put("seat", seat);
        });
    }

    CompletableFuture<ObjectNode> onLogout(Connection c, Request r) {
        String sessionId = c.sessionId();
        return blocking(() -> {
            sessions.close(sessionId);
            connections.unbindPlayer(c);
            connections.unseat(c);
            c.clearAuthentication();
            return json.createObjectNode();
        });
    }

    private void bind(Connection c, long playerId, String sessionId, String currency, String device) {
        if (c.isAuthenticated() && c.playerId() != playerId) {
            // Another player on the same connection: forget the first one's pushes and seat.
            connections.unbindPlayer(c);
            connections.unseat(c);
        }
        c.device(device);
        c.authenticate(playerId, sessionId, currency);
        connections.bindPlayer(c, playerId);
    }

    /** The player's seat from the grid, if any: this connection receives that table again. */
    private String seatAgain(Connection c, long playerId) {
        Optional<String> seat = sessions.seat(playerId);
        seat.ifPresent(tableId -> {
            events.listenTable(tableId);
            connections.seat(c, tableId);
        });
        return seat.orElse(null);
    }

    private TokenSigner signer() {
        TokenSigner s = signer;
        if (s == null) {
            s = new TokenSigner(sessions.signingKey());
            signer = s;
        }
        return s;
    }

    // ---- wallet

    CompletableFuture<ObjectNode> onBalance(Connection c, Request r) {
        return blocking(() -> wallets.wallet(c.playerId())
                .map(w -> json.createObjectNode().put("balance", w.balance()).put("currency", w.currency()))
                .orElseThrow(() -> new ProtocolException("UNKNOWN_PLAYER", "no wallet")));
    }

    CompletableFuture<ObjectNode> onDeposit(Connection c, Request r) {
        long amount = r.integer("amount");
        String paymentToken = r.text("paymentToken", KEY_CHARS_MAX);
        String key = r.text("idempotencyKey", KEY_CHARS_MAX);
        MoneyRequest deposit = MoneyRequest.deposit(c.playerId(), key, c.currency(), amount, paymentToken);
        // The cashier asks the payment provider first (it may wait on the network): on the request executor.
        return moneyReply(CompletableFuture.supplyAsync(() -> cashier.deposit(deposit), executor)
                .thenCompose(f -> f));
    }

    CompletableFuture<ObjectNode> onWithdraw(Connection c, Request r) {
        long amount = r.integer("amount");
        String key = r.text("idempotencyKey", KEY_CHARS_MAX);
        return money(MoneyRequest.withdraw(c.playerId(), key, c.currency(), amount));
    }

    private CompletableFuture<ObjectNode> money(MoneyRequest request) {
        return moneyReply(wallets.submit(request));
    }

    private CompletableFuture<ObjectNode> moneyReply(CompletableFuture<MoneyResult> pending) {
        return pending.thenApply(result -> {
            requireOk(result.code());
            return json.createObjectNode().put("transferId", result.transferId().toString())
                    .put("balance", result.balance()).put("currency", result.currency())
                    .put("replayed", result.replayed());
        });
    }

    // ---- slots

    CompletableFuture<ObjectNode> onSlotGames(Connection c, Request r) {
        ObjectNode reply = json.createObjectNode();
        reply.set("games", slotGames);
        return CompletableFuture.completedFuture(reply);
    }

    private ObjectNode slotGame(SlotDefinition g) {
        ObjectNode game = json.createObjectNode().put("id", g.id()).put("name", g.name())
                .put("rows", SlotDefinition.ROWS).put("reels", SlotDefinition.REELS)
                .put("stakeMin", g.stakeMin()).put("stakeMax", g.stakeMax()).put("stakeStep", g.stakeStep())
                .put("lineCount", g.lineCount());
        g.publishedRtp().ifPresent(rtp -> game.put("rtp", rtp));
        ArrayNode symbols = game.putArray("symbols");
        for (SlotSymbol s : g.symbols()) {
            symbols.addObject().put("name", s.name()).put("kind", s.kind().name());
        }
        game.set("strips", json.valueToTree(g.reels()));
        game.set("lines", json.valueToTree(g.lines()));
        game.set("paytable", json.valueToTree(g.paytable()));
        game.set("scatterPays", json.valueToTree(g.scatterPays()));
        return game;
    }

    CompletableFuture<ObjectNode> onSpin(Connection c, Request r) {
        String game = r.text("game", KEY_CHARS_MAX);
        long stake = r.integer("stake");
        String key = r.text("idempotencyKey", KEY_CHARS_MAX);
        return wallets.submit(MoneyRequest.spin(c.playerId(), key, c.currency(), stake, game)).thenApply(result -> {
            requireOk(result.code());
            SlotRound round = result.round();
            ObjectNode reply = json.createObjectNode().put("roundId", round.roundId().toString())
                    .put("game", round.game()).put("stake", round.stake()).put("win", round.win())
                    .put("balance", result.balance()).put("currency", round.currency())
                    .put("nonce", round.nonce()).put("serverSeedHash", round.serverSeedHash())
                    .put("clientSeed", round.clientSeed()).put("replayed", result.replayed());
            reply.set("stops", json.valueToTree(round.stopsArray()));
            reply.set("symbols", symbolRows(round.symbols()));
            return reply;
        });
    }

    /** The stored window "A,B,C,D,E|…" as rows of symbol names. */
    private ArrayNode symbolRows(String symbols) {
        ArrayNode rows = json.createArrayNode();
        if (symbols != null && !symbols.isEmpty()) {
            for (String row : symbols.split("\\|")) {
                ArrayNode cells = rows.addArray();
                for (String cell : row.split(",")) {
                    cells.add(cell);
                }
            }
        }
        return rows;
    }

    // ---- fairness

    CompletableFuture<ObjectNode> onSeeds(Connection c, Request r) {
        return blocking(() -> seeds(fairness.current(c.playerId())));
    }

    CompletableFuture<ObjectNode> onClientSeed(Connection c, Request r) {
        String clientSeed = r.text("clientSeed", 64);
        return blocking(() -> seeds(fairness.setClientSeed(c.playerId(), clientSeed)));
    }

    CompletableFuture<ObjectNode> onRotate(Connection c, Request r) {
        return blocking(() -> seeds(fairness.rotate(c.playerId())));
    }

    CompletableFuture<ObjectNode> onRevealed(Connection c, Request r) {
        String hash = r.text("serverSeedHash", SEED_HASH_CHARS);
        return blocking(() -> {
            RevealedSeed s = fairness.revealed(c.playerId(), hash);
            if (s == null) {
                throw new ProtocolException("SEED_NOT_REVEALED",
                        "no revealed seed with that hash: it is still in play (rotate to reveal it) or not yours");
            }
            return json.createObjectNode().put("serverSeed", s.serverSeed()).put("serverSeedHash", s.serverSeedHash())
                    .put("lastClientSeed", s.lastClientSeed()).put("noncesUsed", s.noncesUsed())
                    .put("revealedAt", s.revealedAt().getTime());
        });
    }

    private ObjectNode seeds(SeedResult result) {
        requireOk(result.code());
        SeedsView s = result.seeds();
        ObjectNode reply = json.createObjectNode().put("serverSeedHash", s.serverSeedHash())
                .put("clientSeed", s.clientSeed()).put("nextNonce", s.nextNonce());
        if (s.revealedServerSeed() != null) {
            reply.putObject("revealed").put("serverSeed", s.revealedServerSeed())
                    .put("serverSeedHash", s.revealedServerSeedHash()).put("noncesUsed", s.revealedNoncesUsed());
        }
        return reply;
    }

    // ---- roulette tables

    CompletableFuture<ObjectNode> onTables(Connection c, Request r) {
        return blocking(() -> {
            ObjectNode reply = json.createObjectNode();
            ArrayNode list = reply.putArray("tables");
            for (TableState t : tables.tables()) {
                list.add(table(t));
            }
            return reply;
        });
    }

    private ObjectNode table(TableState t) {
        TableLimits limits = t.limits();
        ObjectNode node = json.createObjectNode().put("tableId", t.tableId()).put("name", t.name())
                .put("currency", t.currency()).put("bettingWindowMs", t.bettingWindowMs())
                .put("chainCommitment", t.chainCommitment()).put("open", t.open());
        node.putObject("limits").put("stakeMin", limits.stakeMinorMin())
                .put("straightStakeMax", limits.straightStakeMinorMax())
                .put("outsideStakeMax", limits.outsideStakeMinorMax())
                .put("roundTotalStakeMax", limits.roundTotalStakeMinorMax())
                .put("betsPerRequestMax", limits.betsPerRequestMax());
        TableRound round = t.currentRound() == 0 ? null : tables.round(t.tableId(), t.currentRound());
        if (round != null) {
            node.set("round", round(round));
        }
        return node;
    }

    private ObjectNode round(TableRound round) {
        ObjectNode node = json.createObjectNode().put("roundId", round.roundNo())
                .put("status", round.status().name()).put("seedHash", round.seedHash())
                .put("closesAt", round.closesAt().getTime());
        if (round.result() >= 0) {
            node.put("number", round.result()).put("seed", round.seed());
        }
        return node;
    }

    CompletableFuture<ObjectNode> onJoin(Connection c, Request r) {
        String tableId = r.text("tableId", KEY_CHARS_MAX);
        return blocking(() -> {
            TableState t = tables.table(tableId);
            if (t == null) {
                throw new ProtocolException("UNKNOWN_TABLE", "no table " + tableId);
            }
            sessions.sit(c.playerId(), tableId);
            events.listenTable(tableId);
            for (Connection other : connections.ofPlayer(c.playerId())) {
                connections.seat(other, tableId);
            }
            ObjectNode reply = json.createObjectNode();
            reply.set("table", table(t));
            return reply;
        });
    }

    CompletableFuture<ObjectNode> onLeave(Connection c, Request r) {
        return blocking(() -> {
            sessions.stand(c.playerId());
            for (Connection other : connections.ofPlayer(c.playerId())) {
                connections.unseat(other);
            }
            return json.createObjectNode();
        });
    }

    CompletableFuture<ObjectNode> onBet(Connection c, Request r) {
        String tableId = r.text("tableId", KEY_CHARS_MAX);
        long roundId = r.integer("roundId");
        String key = r.text("idempotencyKey", KEY_CHARS_MAX);
        JsonNode betsNode = r.array("bets");
        if (betsNode.size() > TableLimits.BETS_PER_REQUEST_HARD_MAX) {
            throw new ProtocolException("TABLE_LIMIT_EXCEEDED", "at most " + TableLimits.BETS_PER_REQUEST_HARD_MAX
                    + " bets per request");
        }
        List<BetSpec> bets = new ArrayList<>(betsNode.size());
        for (int i = 0; i < betsNode.size(); i++) {
            bets.add(betSpec(new Request(r.type(), r.id(), betsNode.get(i)), i));
        }
        return blocking(() -> {
            if (!tableId.equals(c.tableId())) {
                throw new ProtocolException("NOT_SEATED", "join table " + tableId + " before betting there");
            }
            PlaceBetsResult result = tables.placeBets(c.playerId(), tableId, roundId, bets, key);
            if (!result.isOk()) {
                String suffix = result.badBet() >= 0 ? " (bet " + result.badBet() + ")" : "";
                throw new ProtocolException(codeOf(result.code()), describe(result.code()) + suffix);
            }
            return json.createObjectNode().put("tableId", tableId).put("roundId", roundId)
                    .put("totalStake", result.totalStake()).put("balance", result.balance())
                    .put("replayed", result.replayed());
        });
    }

    private static BetSpec betSpec(Request bet, int index) {
        if (bet.body() == null || !bet.body().isObject()) {
            throw Request.invalid("bets[" + index + "]", "must be an object");
        }
        try {
            String kind = bet.text("kind", 16);
            long stake = bet.integer("stake");
            JsonNode selectionNode = bet.body().get("selection");
            int[] selection;
            if (selectionNode == null || selectionNode.isNull()) {
                selection = new int[0];
            } else if (selectionNode.isIntegralNumber() && selectionNode.canConvertToInt()) {
                selection = new int[] {selectionNode.intValue()};
            } else if (selectionNode.isArray() && selectionNode.size() <= 6) {
                selection = new int[selectionNode.size()];
                for (int i = 0; i < selection.length; i++) {
                    JsonNode n = selectionNode.get(i);
                    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                        throw Request.invalid("selection", "must hold integers");
                    }
                    selection[i] = n.intValue();
                }
            } else {
                throw Request.invalid("selection", "must be an integer or an array of at most 6 integers");
            }
            return new BetSpec(kind, selection, stake);
        } catch (ProtocolException e) {
            throw new ProtocolException(e.code(), "bets[" + index + "]." + e.getMessage());
        }
    }

    // ---- recall

    CompletableFuture<ObjectNode> onHistory(Connection c, Request r) {
        long limit = r.optionalInteger("limit", 20);
        if (limit < 1 || limit > GameHistory.LIMIT_MAX) {
            throw Request.invalid("limit", "must be in 1.." + GameHistory.LIMIT_MAX);
        }
        return blocking(() -> {
            ObjectNode reply = json.createObjectNode();
            ArrayNode spins = reply.putArray("slotRounds");
            for (SlotRound s : history.lastSlotRounds(c.playerId(), (int) limit)) {
                ObjectNode n = spins.addObject().put("roundId", s.roundId().toString()).put("game", s.game())
                        .put("stake", s.stake()).put("win", s.win()).put("balanceAfter", s.balanceAfter())
                        .put("serverSeedHash", s.serverSeedHash()).put("clientSeed", s.clientSeed())
                        .put("nonce", s.nonce()).put("createdAt", s.createdAt().getTime());
                n.set("stops", json.valueToTree(s.stopsArray()));
                n.set("symbols", symbolRows(s.symbols()));
            }
            ArrayNode bets = reply.putArray("tableBets");
            // A round's bets share one round row: read each round once.
            java.util.Map<String, Optional<TableRound>> rounds = new java.util.HashMap<>();
            for (TableBet b : history.lastTableBets(c.playerId(), (int) limit)) {
                ObjectNode n = bets.addObject().put("tableId", b.tableId()).put("roundId", b.roundNo())
                        .put("kind", b.kind()).put("selection", b.selection()).put("stake", b.stake())
                        .put("status", b.status().name()).put("returned", b.returned())
                        .put("placedAt", b.placedAt().getTime());
                TableRound round = rounds.computeIfAbsent(b.tableId() + ':' + b.roundNo(),
                        k -> Optional.ofNullable(tables.round(b.tableId(), b.roundNo()))).orElse(null);
                if (round != null && round.result() >= 0) {
                    n.put("number", round.result()).put("seed", round.seed()).put("seedHash", round.seedHash());
                }
            }
            return reply;
        });
    }

    // ---- responsible gambling

    CompletableFuture<ObjectNode> onLimits(Connection c, Request r) {
        return blocking(() -> limits(rg.view(c.playerId())));
    }

    CompletableFuture<ObjectNode> onSetLimit(Connection c, Request r) {
        String kindName = r.text("kind", 16);
        LimitKind kind = java.util.Arrays.stream(LimitKind.values()).filter(k -> k.name().equals(kindName))
                .findFirst().orElseThrow(() -> new ProtocolException("INVALID_LIMIT",
                        "kind must be one of " + java.util.Arrays.toString(LimitKind.values())));
        JsonNode amountNode = r.body().get("amount");
        if (amountNode == null) {
            throw Request.invalid("amount", "is required (null removes the limit)");
        }
        Long amount;
        if (amountNode.isNull()) {
            amount = null;
        } else if (amountNode.isIntegralNumber() && amountNode.canConvertToLong()) {
            amount = amountNode.longValue();
        } else {
            throw Request.invalid("amount", "must be an integer of minor units or null");
        }
        return blocking(() -> limits(rg.setLimit(c.playerId(), kind, amount)));
    }

    CompletableFuture<ObjectNode> onSelfExclude(Connection c, Request r) {
        Exclusion exclusion = Exclusion.parse(r.text("period", 32));
        if (exclusion == null) {
            throw new ProtocolException("INVALID_EXCLUSION",
                    "period must be one of " + java.util.Arrays.toString(Exclusion.values()));
        }
        return blocking(() -> limits(rg.exclude(c.playerId(), exclusion)));
    }

    /** The player's limits, break and deposit lock as the protocol shows them (docs/protocol.md). */
    private ObjectNode limits(RgResult result) {
        requireOk(result.code());
        RgView v = result.view();
        RgLimits l = v.limits();
        ObjectNode reply = json.createObjectNode().put("at", v.atMs());
        ArrayNode limits = reply.putArray("limits");
        for (LimitKind k : LimitKind.values()) {
            ObjectNode n = limits.addObject().put("kind", k.name());
            putNullable(n, "limit", l.limit(k));
            n.put("used", v.usedMinor(k));
            if (l.pendingFrom(k) != null) {
                putNullable(n, "pendingLimit", l.pending(k));
                n.put("pendingFrom", l.pendingFrom(k).getTime());
            }
        }
        if (l.exclusion() != null && v.excluded()) {
            ObjectNode e = reply.putObject("exclusion").put("period", l.exclusion().name());
            putNullable(e, "until", l.excludedUntil() == null ? null : l.excludedUntil().getTime());
        } else {
            reply.putNull("exclusion");
        }
        reply.put("depositsLockedUntil", v.depositsLockedUntilMs() > v.atMs() ? v.depositsLockedUntilMs() : 0);
        return reply;
    }

    private static void putNullable(ObjectNode n, String field, Long value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value.longValue());
        }
    }

    // ---- plumbing

    private CompletableFuture<ObjectNode> blocking(Supplier<ObjectNode> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    private static void requireOk(ResultCode code) {
        if (!code.isOk()) {
            throw new ProtocolException(codeOf(code), describe(code));
        }
    }

    /** Result codes go on the wire by name; the one for an unknown outcome is the edge's SERVICE_UNAVAILABLE. */
    static String codeOf(ResultCode code) {
        return code == ResultCode.UNAVAILABLE ? "SERVICE_UNAVAILABLE" : code.name();
    }

    static String describe(ResultCode code) {
        return switch (code) {
            case INSUFFICIENT_FUNDS -> "balance too low";
            case INVALID_AMOUNT -> "amount must be a positive integer of minor units within limits";
            case INVALID_STAKE -> "stake outside the game's or table's limits";
            case UNKNOWN_GAME -> "no such game";
            case DUPLICATE_KEY_DIFFERENT_REQUEST -> "idempotency key already used for a different request";
            case ROUND_CLOSED -> "betting on that round is closed";
            case UNAVAILABLE -> "the grid did not answer; retry with the same idempotency key";
            case OVERLOADED -> "too many requests in flight; retry shortly";
            case RISK_BLOCKED -> "the account may not do this in its current status (blocked, self-excluded or closed)";
            case VELOCITY_EXCEEDED -> "too many bets in a short time; slow down";
            case RISK_HELD -> "stake far above your usual stakes; held for review";
            case PAYMENT_DECLINED -> "the payment provider declined the deposit; no money moved";
            case DEPOSITS_LOCKED -> "too many declined deposits: deposits are paused for a while";
            case DEPOSIT_LIMIT_EXCEEDED -> "the deposit would pass a deposit limit you set";
            case LOSS_LIMIT_EXCEEDED -> "the stake could pass the loss limit you set for today";
            case SELF_EXCLUDED -> "you are on a time-out or self-excluded: no play and no deposits until it ends";
            case INVALID_LIMIT -> "a limit is a positive amount of minor units, or null to remove it";
            default -> code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
