"""Hostile and mangled mail never crashes the parser: it parses or says why it cannot."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aftersail.mail.parsing import ParsedEmail, UnparseableEmail, parse_email
from aftersail.mail.tests.conftest import EML

CORPUS = [path.read_bytes() for path in sorted(EML.glob("*.eml"))]


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(0, 8))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            raw[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at : at + draw(st.integers(1, 200))]
        else:
            raw[at:at] = draw(
                st.sampled_from(
                    [b"=?", b"?=", b"\r\n--", b"boundary=", b"\x00", b"\xff\xfe", b"=?utf-8?B?",
                     b"Content-Type: multipart/mixed\r\n", b"filename*0*=", b"\r\n\r\n"]
                )
            )  # fmt: skip
    return bytes(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
# A NUL byte inside an encoded word's charset label ("=?\x00so-8859-1?q?...?=") once made
# the codec lookup raise ValueError instead of falling back.
@example(b"From: =?\x00so-8859-1?q?J=F6rg?= <joerg@example.com>\r\nSubject: x\r\n\r\nbody\r\n")
def test_mangled_corpus_mail_parses_or_is_refused_with_a_reason(raw: bytes) -> None:
    try:
        result = parse_email(raw)
    except UnparseableEmail as error:
        assert str(error)
    else:
        assert isinstance(result, ParsedEmail)
        assert "@" in result.from_address


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_parse_or_are_refused_with_a_reason(raw: bytes) -> None:
    try:
        parse_email(raw)
    except UnparseableEmail as error:
        assert str(error)
