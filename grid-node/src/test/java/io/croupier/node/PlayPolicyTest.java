package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.roulette.BetSpec;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.RoundStatus;
import io.croupier.roulette.TableConfig;
import io.croupier.roulette.TableDriverSettings;
import io.croupier.roulette.TableLimits;
import io.croupier.slots.SlotCatalog;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.GroupCommitter;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.PlayPolicy;
import io.croupier.wallet.ResultCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

/** The responsible-gambling hook: a policy that refuses play stops spins and table bets, and moves nothing. */
class PlayPolicyTest {
    /** Players the test's policy refuses (e.g. self-excluded). */
    static final Set<Long> EXCLUDED = ConcurrentHashMap.newKeySet();

    @Test
    void aRefusingPolicyStopsSpinsAndTableBetsButNotDepositsOrWithdrawals() throws Exception {
        try (TestGrid grid = new TestGrid(Map.of("croupier.games.slotsDirectory", "../config/slots"))) {
            Ignite node = grid.startServer();
            PlayPolicy selfExclusion = (request, wallet) ->
                    EXCLUDED.contains(request.playerId()) ? ResultCode.PLAY_NOT_ALLOWED : null;
            GroupCommitter.configure(node, grid.settings(0, false).commitSettings(), selfExclusion,
                    SlotCatalog.loadDirectory(SlotSpinTest.SLOTS), Clock.systemUTC());
            RouletteTables tables = new RouletteTables(node);
            tables.deploy(List.of(new TableConfig("t-policy", "Policy table", "EUR", 30_000,
                    new TableLimits(10, 10_000, 100_000, 500_000, 50), true)), new TableDriverSettings(100, 60_000, 100, 50));
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                Players players = new Players(node, Clock.systemUTC());
                long excluded = players.open("excluded", "EUR");
                long allowed = players.open("allowed", "EUR");
                EXCLUDED.add(excluded);
                for (long p : List.of(excluded, allowed)) {
                    assertThat(wallet.execute(MoneyRequest.deposit(p, "dep", "EUR", 10_000, "tok")).isOk()).isTrue();
                }
                TestGrid.await(() -> tables.currentRound("t-policy") != null
                        && tables.currentRound("t-policy").status() == RoundStatus.OPEN, 10_000, "open round");
                long round = tables.currentRound("t-policy").roundNo();

                assertThat(wallet.execute(MoneyRequest.spin(excluded, "s", "EUR", 100, "classic-fruits")).code())
                        .isEqualTo(ResultCode.PLAY_NOT_ALLOWED);
                assertThat(tables.placeBets(excluded, "t-policy", round, List.of(new BetSpec("RED", null, 100)), "b")
                        .code()).isEqualTo(ResultCode.PLAY_NOT_ALLOWED);
                assertThat(wallet.execute(MoneyRequest.withdraw(excluded, "w", "EUR", 1_000)).isOk()).isTrue();
                assertThat(wallet.wallet(excluded).orElseThrow().balance()).isEqualTo(9_000);
                assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ROUND WHERE PLAYER_ID = ?", excluded))
                        .isZero();
                assertThat(tables.bets("t-policy", round)).noneMatch(b -> b.playerId() == excluded);

                assertThat(wallet.execute(MoneyRequest.spin(allowed, "s", "EUR", 100, "classic-fruits")).isOk()).isTrue();
                assertThat(tables.placeBets(allowed, "t-policy", round, List.of(new BetSpec("RED", null, 100)), "b")
                        .isOk()).isTrue();
            } finally {
                EXCLUDED.clear();
            }
        }
    }
}
