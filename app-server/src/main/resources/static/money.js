// Money arrives and leaves as integer minor units; major units exist only on screen. No floating point is used
// to convert: the player's text is parsed digit by digit.

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function exponentOf(currency) {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

/** Minor units as text in the currency, e.g. 12345 EUR → "€123.45". */
export function formatMoney(minor, currency) {
  if (minor === null || minor === undefined || !currency) {
    return "–";
  }
  const exponent = exponentOf(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const major = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  const format = new Intl.NumberFormat(undefined, { style: "currency", currency });
  // Intl formats a decimal string exactly (no binary rounding) when given one.
  try {
    return format.format(negative ? `-${major}` : major);
  } catch {
    return `${negative ? "-" : ""}${major} ${currency}`;
  }
}

/**
 * The player's amount in major units ("12", "12.5", "12,50") as integer minor units, or null when it is not a
 * positive amount with at most the currency's decimals.
 */
export function parseMajor(text, currency) {
  const exponent = exponentOf(currency);
  const match = /^\s*(\d{1,15})(?:[.,](\d*))?\s*$/.exec(String(text));
  if (!match || (match[2] || "").length > exponent) {
    return null;
  }
  const minor = Number(match[1] + (match[2] || "").padEnd(exponent, "0"));
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}
