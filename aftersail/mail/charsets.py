"""Turning the bytes of mail headers and bodies into text, whatever they claim to be."""

from __future__ import annotations

import codecs
from email.header import Header, decode_header

from charset_normalizer import from_bytes

# Labels that mail programs write but that name a narrower charset than what they send:
# Outlook labels GBK text "gb2312", Windows labels cp932 "shift_jis", ISO-2022-JP mail often
# carries the JIS X 0212 / NEC extensions, and "iso-8859-1" text is routinely cp1252 (the
# WHATWG Encoding Standard makes the same substitutions: https://encoding.spec.whatwg.org/).
_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "iso-2022-jp": "iso2022_jp_ext",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",  # 8-bit bytes under an ASCII label are nearly always UTF-8
    "ascii": "utf-8",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "utf8": "utf-8",
    "unicode-1-1-utf-7": "utf-7",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip('"').lower()
    label = _WIDER.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):  # ValueError: a NUL byte in the label
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text of ``data`` and the charset used: the declared one when it decodes cleanly,
    else UTF-8, else the best guess of charset-normalizer, else Latin-1 (never fails)."""
    if not data:
        return "", _codec(declared) or "utf-8"
    for candidate in (_codec(declared), "utf-8"):
        if candidate:
            try:
                return data.decode(candidate), candidate
            except UnicodeDecodeError:
                pass
    guess = from_bytes(data).best()
    if guess is not None:
        return str(guess), guess.encoding
    return data.decode("latin-1"), "latin-1"


def _decode_short(data: bytes, declared: str | None) -> str:
    """Header words are too short for a statistical guess: declared, UTF-8, then cp1252."""
    for candidate in (_codec(declared), "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                pass
    return data.decode("cp1252", "replace")


def decode_header_value(value: object) -> str:
    """A header as text: RFC 2047 encoded words in any charset, raw 8-bit bytes (which the
    email package hands over as an "unknown-8bit" Header) guessed, folding removed."""
    if value is None:
        return ""
    try:
        chunks = decode_header(value if isinstance(value, str | Header) else str(value))
    except Exception:  # malformed encoded words: keep the text as it came
        chunks = [(str(value), None)]
    parts = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            parts.append(_decode_short(chunk, None if charset == "unknown-8bit" else charset))
        else:
            parts.append(chunk)
    text = "".join(parts)
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())
