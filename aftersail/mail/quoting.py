"""Separating what the customer just wrote from the quoted history and the signature.

Mail programs introduce the quoted earlier mail with an attribution line in the writer's
language ("On ... wrote:", "Am ... schrieb ...:", "Le ... a écrit :", "El ... escribió:",
"W dniu ... pisze:", Gmail's Japanese "2026年11月29日(日) 10:00 名前 <a@b>:"), or with Outlook's
header block ("From: / Sent:", "Von: / Gesendet:", "De : / Envoyé :", "De: / Enviado:",
"Od: / Wysłano:", "差出人: / 送信日時:") or its "-----Original Message-----" rule. The first of
these that follows some text of the customer's own ends the new text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One attribution line (Gmail sometimes wraps it onto a second line: we join two lines).
_ATTRIBUTION = re.compile(
    r"^\s*("
    r"On\b.{4,200}\bwrote\s*:"
    r"|Am\b.{4,200}\bschrieb\b.{0,200}:"
    r"|Le\b.{4,200}\ba\s+écrit\s*:"
    r"|El\b.{4,200}\bescribió\s*:"
    r"|W\s+dniu\b.{4,200}\bpisze\s*:"
    r"|Il\s+giorno\b.{4,200}\bha\s+scritto\s*:"
    r"|Op\b.{4,200}\bschreef\b.{0,200}:"
    r"|\d{4}年\d{1,2}月\d{1,2}日.{0,120}[:：]"
    r"|\d{4}/\d{1,2}/\d{1,2}.{0,80}のメール[:：]"
    r"|.{1,120}さんは書きました[:：]"
    r")\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(
    r"^\s*(-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|"
    r"Mensaje original|Wiadomość oryginalna|Messaggio originale|元のメッセージ)\s*-{2,}"
    r"|_{20,})\s*$",
    re.IGNORECASE,
)
# Outlook's header block: a "From:" line followed within two lines by a "Sent:" line.
_OUTLOOK_FROM = re.compile(r"^\s*\*?(From|Von|De|Od|Van|Da|差出人)\s*\*?\s*[:：]", re.IGNORECASE)
_OUTLOOK_SENT = re.compile(
    r"^\s*\*?(Sent|Date|Gesendet|Datum|Envoyé|Date|Enviado|Fecha|Wysłano|Data|"
    r"Verzonden|Inviato|送信日時|日付)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"^\s*(--\s*"
    r"|Sent from my \w+.*|Get Outlook for \w+.*"
    r"|Von meinem \w+.* gesendet|Gesendet von meinem \w+.*"
    r"|Envoyé de mon \w+.*"
    r"|Enviado desde mi \w+.*"
    r"|Wysłane z (mojego )?\w+.*"
    r"|\w+から送信"
    r")\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SplitText:
    new: str
    quoted: str
    signature: str


def _quote_start(lines: list[str]) -> int | None:
    seen_text = False
    for index, line in enumerate(lines):
        joined = line if index + 1 >= len(lines) else f"{line} {lines[index + 1]}"
        if seen_text:
            if _RULE.match(line) or _ATTRIBUTION.match(line):
                return index
            if _ATTRIBUTION.match(joined) and not line.rstrip().endswith((".", "!", "?")):
                return index
            if _OUTLOOK_FROM.match(line) and any(
                _OUTLOOK_SENT.match(following) for following in lines[index + 1 : index + 3]
            ):
                return index
            if line.startswith(">") and all(
                not rest.strip() or rest.startswith(">") for rest in lines[index:]
            ):
                return index
        if line.strip() and not line.startswith(">"):
            seen_text = True
    return None


def split_reply(text: str) -> SplitText:
    """Splits a plain-text body into new text, the quoted history and the signature."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines)
    quoted = "\n".join(lines[cut:]).strip() if cut is not None else ""
    own = lines[:cut] if cut is not None else lines
    signature = ""
    for index, line in enumerate(own):
        if index > 0 and _SIGNATURE.match(line) and len(own) - index <= 12:
            signature = "\n".join(own[index:]).strip()
            own = own[:index]
            break
    return SplitText("\n".join(own).strip(), quoted, signature)


# Where mail programs open the quoted history in HTML.
_HTML_QUOTE = re.compile(
    r"<div[^>]+class=\"?gmail_quote"
    r"|<div[^>]+id=\"?(divRplyFwdMsg|appendonsend)"
    r"|<blockquote[^>]+type=\"?cite"
    r"|<div[^>]+class=\"?(moz-cite-prefix|yahoo_quoted)",
    re.IGNORECASE,
)


def strip_html_quote(html: str) -> str:
    """The HTML body up to where the quoted history begins (tags are closed later by the
    sanitizer)."""
    match = _HTML_QUOTE.search(html)
    return html[: match.start()] if match else html
