/** Letters that carry no combining accent, written as people type them without one. */
const PLAIN: Record<string, string> = {
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  ł: "l",
  ı: "i",
  þ: "th",
};
const PLAIN_PATTERN = new RegExp(`[${Object.keys(PLAIN).join("")}]`, "g");

/**
 * Lower case without accents, as people type a name: "sao" for "São", "sonderborg" for
 * "Sønderborg", "turkiye" for "Türkiye".
 *
 * @example
 * foldText("Sønderborg"); // "sonderborg"
 */
export const foldText = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(PLAIN_PATTERN, (letter) => PLAIN[letter] ?? letter);
