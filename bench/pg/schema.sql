-- PostgreSQL baseline for the wallet "spin" benchmark (see pgbench-spin.sh).
--
-- The tables mirror the grid model (wallet / ledger / transfer) so that one
-- call of spin() does the same logical work as one "bet then win" money
-- operation on the grid: claim the idempotency key, lock the wallet, move the
-- money, write the double-entry postings, all atomically.
--
-- Expects psql variables:
--   :wallets          number of wallets to seed (player_id 1..N)
--   :initial_balance  balance of every seeded wallet (minor units)

\set ON_ERROR_STOP on

-- Fail loudly (non-zero psql exit via ON_ERROR_STOP) rather than seed nothing.
\if :{?wallets}
\else
  DO $$ BEGIN RAISE EXCEPTION 'psql variable "wallets" must be set (psql -v wallets=N)'; END $$;
\endif
\if :{?initial_balance}
\else
  DO $$ BEGIN RAISE EXCEPTION 'psql variable "initial_balance" must be set (psql -v initial_balance=N)'; END $$;
\endif

-- fillfactor < 100 leaves room on each page so the balance update (which
-- touches no indexed column) can be a HOT update; that is the standard tuning
-- for a hot, update-heavy table and keeps the baseline from being handicapped.
CREATE TABLE wallet (
    player_id bigint  PRIMARY KEY,
    currency  char(3) NOT NULL,
    balance   bigint  NOT NULL CHECK (balance >= 0)
) WITH (fillfactor = 80);

-- Double-entry postings: every transfer's postings sum to zero.
CREATE TABLE ledger (
    transfer_id uuid,
    posting     int,
    player_id   bigint      NOT NULL,
    account     text        NOT NULL,   -- 'WALLET' or 'HOUSE_BETS'
    amount      bigint      NOT NULL,   -- signed, minor units
    currency    char(3)     NOT NULL,
    kind        text        NOT NULL,   -- 'BET' or 'WIN'
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (transfer_id, posting)
);
CREATE INDEX ledger_player_id_idx ON ledger (player_id);

-- Idempotency record: one row per (player, idempotency key).
CREATE TABLE transfer (
    player_id       bigint,
    idempotency_key text,
    transfer_id     uuid        NOT NULL,
    kind            text        NOT NULL,
    amount          bigint      NOT NULL,   -- stake
    win_amount      bigint      NOT NULL,
    currency        char(3)     NOT NULL,
    balance_after   bigint      NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (player_id, idempotency_key)
);

-- One "bet then win" money operation; runs in the caller's transaction (with
-- pgbench each SELECT spin(...) is its own autocommit transaction).
--
-- Returns the wallet balance after the operation, or -1 if the wallet does not
-- exist or cannot cover the stake (in which case nothing is written).
-- Replaying a (player, key) that was already applied returns the recorded
-- balance_after and moves no money.
CREATE FUNCTION spin(p_player bigint, p_key text, p_stake bigint, p_win bigint)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    v_transfer_id uuid := gen_random_uuid();
    v_currency    char(3);
    v_balance     bigint;
    v_new_balance bigint;
    v_replayed    bigint;
BEGIN
    -- Lock the wallet first: every spin of one player serialises here, which
    -- also serialises concurrent attempts with the same idempotency key (the
    -- key is scoped to the player).
    SELECT currency, balance
      INTO v_currency, v_balance
      FROM wallet
     WHERE player_id = p_player
       FOR UPDATE;

    IF FOUND AND v_balance >= p_stake THEN
        v_new_balance := v_balance - p_stake + p_win;

        -- Claim the idempotency key before moving any money. ON CONFLICT
        -- DO NOTHING (rather than a prior SELECT) is what makes the claim safe
        -- against a concurrent insert of the same key: if another transaction
        -- got there first we insert nothing and fall through to the replay
        -- path below, having written nothing.
        INSERT INTO transfer (player_id, idempotency_key, transfer_id, kind,
                              amount, win_amount, currency, balance_after)
        VALUES (p_player, p_key, v_transfer_id, 'SPIN',
                p_stake, p_win, v_currency, v_new_balance)
        ON CONFLICT DO NOTHING;

        IF FOUND THEN
            UPDATE wallet SET balance = v_new_balance WHERE player_id = p_player;

            INSERT INTO ledger (transfer_id, posting, player_id, account, amount, currency, kind)
            VALUES (v_transfer_id, 0, p_player, 'WALLET',     -p_stake, v_currency, 'BET'),
                   (v_transfer_id, 1, p_player, 'HOUSE_BETS',  p_stake, v_currency, 'BET');

            IF p_win > 0 THEN
                INSERT INTO ledger (transfer_id, posting, player_id, account, amount, currency, kind)
                VALUES (v_transfer_id, 2, p_player, 'WALLET',      p_win, v_currency, 'WIN'),
                       (v_transfer_id, 3, p_player, 'HOUSE_BETS', -p_win, v_currency, 'WIN');
            END IF;

            RETURN v_new_balance;
        END IF;
    END IF;

    -- Not applied. Checked only now (not up front) so the common path costs
    -- no extra lookup; a replay must still win over "insufficient funds",
    -- because the original operation may be what drained the wallet.
    SELECT balance_after INTO v_replayed
      FROM transfer
     WHERE player_id = p_player AND idempotency_key = p_key;

    RETURN coalesce(v_replayed, -1);
END;
$$;

-- Seed wallets rich enough that no spin is ever rejected during a run.
INSERT INTO wallet (player_id, currency, balance)
SELECT g, 'EUR', :initial_balance
  FROM generate_series(1, :wallets) AS g;

-- Start the run with fresh statistics and an all-visible wallet table.
VACUUM ANALYZE;
