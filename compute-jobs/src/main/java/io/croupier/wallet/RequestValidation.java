package io.croupier.wallet;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request's own shape before it goes near the grid. Pure: no I/O, no clock. Returns the rejection code,
 * or {@code null} when the request is well-formed.
 */
public final class RequestValidation {
    public static final int KEY_LENGTH_MAX = 64;
    public static final int REFERENCE_LENGTH_MAX = 128;
    public static final int PAYMENT_TOKEN_LENGTH_MAX = 128;

    private static final Set<String> ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private RequestValidation() {
    }

    public static ResultCode check(MoneyRequest request, MoneyLimits limits) {
        if (!isValidKey(request.idempotencyKey())) {
            return ResultCode.INVALID_IDEMPOTENCY_KEY;
        }
        if (request.playerId() <= 0) {
            return ResultCode.UNKNOWN_PLAYER;
        }
        if (request.kind() == OperationKind.VOID) {
            return isValidKey(request.reference()) ? null : ResultCode.INVALID_REFERENCE;
        }
        if (!isValidCurrency(request.currency())) {
            return ResultCode.INVALID_CURRENCY;
        }
        if (!isValidAmount(request.amount(), limits)) {
            return ResultCode.INVALID_AMOUNT;
        }
        if (request.kind() == OperationKind.BET_AND_WIN
                && (request.winAmount() < 0 || request.winAmount() > limits.balanceMinorMax())) {
            return ResultCode.INVALID_AMOUNT;
        }
        if (request.kind() == OperationKind.SPIN) {
            return isValidKey(request.reference()) ? null : ResultCode.UNKNOWN_GAME;
        }
        if (request.kind() == OperationKind.DEPOSIT) {
            return isValidPaymentToken(request.reference()) ? null : ResultCode.INVALID_PAYMENT_TOKEN;
        }
        if ((request.kind() == OperationKind.ADJUST_CREDIT || request.kind() == OperationKind.ADJUST_DEBIT)
                && request.reference() == null) {
            return ResultCode.INVALID_REFERENCE; // a correction always says who made it and why
        }
        if (request.reference() != null && !isPrintableAscii(request.reference(), REFERENCE_LENGTH_MAX)) {
            return ResultCode.INVALID_REFERENCE;
        }
        return null;
    }

    static boolean isValidAmount(long amount, MoneyLimits limits) {
        return amount > 0 && amount <= limits.amountMinorMax();
    }

    public static boolean isValidCurrency(String currency) {
        return currency != null && currency.length() == 3 && ISO_CURRENCIES.contains(currency);
    }

    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > KEY_LENGTH_MAX) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A payment token is an opaque reference issued by the payment provider. Anything that looks like a card
     * number (13 to 19 digits, spaces or dashes allowed, passing the Luhn check) is refused so card data never
     * reaches the ledger.
     */
    static boolean isValidPaymentToken(String token) {
        return isPrintableAscii(token, PAYMENT_TOKEN_LENGTH_MAX) && !looksLikeCardNumber(token);
    }

    static boolean looksLikeCardNumber(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                // Digits embedded in a longer token can still be a PAN: check every 13..19 digit run.
                if (isLuhnPan(digits)) {
                    return true;
                }
                digits.setLength(0);
            }
        }
        return isLuhnPan(digits);
    }

    private static boolean isLuhnPan(CharSequence digits) {
        int n = digits.length();
        if (n < 13 || n > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int d = digits.charAt(n - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static boolean isPrintableAscii(String s, int lengthMax) {
        if (s == null || s.isEmpty() || s.length() > lengthMax) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
