"""Every .eml fixture of the corpus, with its exact outcome.

The corpus (``eml/``) was written for Aftersail and is under the project's licence. Each
row: the file, the state and outcome of the stored mail, and for mail that became a
message: its text, the conversation it joined ("anna" = the existing conversation of the
customer Anna, otherwise the subject of the new one), its customer, how it was threaded,
whether it is automatic, the stored and the refused attachments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from aftersail.customers.models import CustomerIdentity
from aftersail.mail.models import InboundEmail
from aftersail.mail.tests.conftest import EML, MailWorld

P, D, Q = InboundEmail.State.PARSED, InboundEmail.State.DROPPED, InboundEmail.State.QUARANTINED
NEW, THREADED = "new_conversation", "threaded"
JONAS, TOM, ANNA = "Jonas Weber", "Tom Green", "Anna Becker"


@dataclass
class Expected:
    state: str
    outcome: str
    text: str = ""
    conversation: str = ""  # "anna", or the subject of a new conversation
    customer: str = ""
    threaded_by: str = ""
    automatic: bool = False
    attachments: list[tuple[str, str, int]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    quoted_starts: str = ""
    signature: str = ""
    html: str = ""
    reason: str = ""
    undeliverable: list[str] = field(default_factory=list)


DE_TEXT = (
    "Guten Tag,\nmeine Bestellung 10452 ist noch nicht angekommen. Können Sie nachsehen?\n"
    "Viele Grüße\nJonas"
)
CORPUS: dict[str, Expected] = {
    # Encodings of bodies and headers
    "01_utf8_plain": Expected(P, NEW, DE_TEXT, "Bestellung 10452", JONAS),
    "02_latin1_declared": Expected(
        P, NEW, "Grüße aus München, die Jacke ist zu groß.", "Frage zur Bestellung", JONAS
    ),
    "03_windows1252_euro": Expected(
        P, NEW, "Ich habe 49,90 € bezahlt – bitte erstatten.", "Frage zur Bestellung", JONAS
    ),
    "04_iso8859_2_polish": Expected(
        P, NEW, "Dzień dobry, zamówienie nie dotarło. Proszę o pomoc.", "Zamowienie", "Zofia Nowak"
    ),
    "05_windows1250_polish": Expected(
        P, NEW, "Paczka jest uszkodzona, chcę zwrócić buty.", "Zwrot", "Piotr Zając"
    ),
    "06_iso2022jp": Expected(
        P, NEW, "注文した商品がまだ届きません。確認してください。", "注文について", "Yuki Tanaka"
    ),
    "07_shift_jis": Expected(
        P, NEW, "返品の手続きを教えてください。サイズが合いません。", "返品", "Haruto Sato"
    ),
    "08_gb2312": Expected(P, NEW, "我的包裹还没有到，请帮我查一下。", "包裹", "Li Wei"),
    "09_gbk_labelled_gb2312": Expected(
        P, NEW, "朱镕基先生的订单已经发货了吗？", "Order", "Zhu Lin"
    ),
    "10_big5": Expected(P, NEW, "我的包裹還沒有到，請幫我查一下。", "Package", "Chen Mei"),
    "11_undeclared_utf8": Expected(
        P, NEW, "Привет! Где мой заказ? Спасибо.", "Заказ", "Ivan Petrov"
    ),
    "12_wrong_declared_utf8_is_latin1": Expected(
        P, NEW, "Rückgabe: Schuhe passen nicht, Größe 44.", "Rueckgabe", JONAS
    ),
    "13_unknown_charset_label": Expected(
        P, NEW, "Hello, the zipper broke after two days.", "Broken zipper", TOM
    ),
    "14_rfc2047_subject_q": Expected(
        P, NEW, "Bitte um Erstattung.", "Rückerstattung für Bestellung 10452", JONAS
    ),
    "15_rfc2047_mixed_words": Expected(P, NEW, "Merci.", "Colis abîmé et retour", "Renée Lefèvre"),
    "16_raw_8bit_header": Expected(
        P, NEW, "Der Reißverschluss klemmt.", "Reißverschluss kaputt", JONAS
    ),
    "17_base64_utf8_body": Expected(
        P,
        NEW,
        "Bonjour, je voudrais échanger la veste contre une taille M.",
        "Échange",
        "Claire Martin",
    ),
    "18_quoted_printable": Expected(
        P, NEW, "Hallo, die Lieferung für Bestellung 10460 fehlt.", "Lieferung", JONAS
    ),
    "19_html_only": Expected(
        P,
        NEW,
        "Hi, my parcel is late.\n\nclick",
        "Late parcel",
        TOM,
        html='<p>Hi, my <b>parcel</b> is late.</p><p><a rel="noopener noreferrer nofollow">'
        "click</a></p>",
    ),
    "20_multipart_alternative": Expected(
        P,
        NEW,
        "Hola, ¿dónde está mi pedido?",
        "Pedido",
        "Lucía García",
        html="<p>Hola, ¿dónde está mi <i>pedido</i>?</p>",
    ),
    # Reply styles; quoted history and signatures
    "21_gmail_reply_en": Expected(
        P,
        THREADED,
        "Thanks, that helps. I will wait until Monday.",
        "anna",
        ANNA,
        "references",
        quoted_starts="On Fri, 27 Nov 2026 at 16:02, Nordwind Support",
    ),
    "22_gmail_reply_de_html": Expected(
        P,
        THREADED,
        "Danke, das Paket ist heute angekommen.",
        "anna",
        ANNA,
        "references",
        html="<div>Danke, das Paket ist heute angekommen.</div><br>",
    ),
    "23_outlook_reply_de_thread_index": Expected(
        P,
        THREADED,
        "Hallo,\nich habe noch keine Sendungsnummer bekommen.\n\nMit freundlichen Grüßen\n"
        "Anna Becker",
        "anna",
        ANNA,
        "thread_index",
        quoted_starts="Von: Nordwind Support <support@nordwind.example>\nGesendet:",
    ),
    "24_outlook_reply_fr_original_message": Expected(
        P,
        THREADED,
        "Merci pour votre réponse.",
        "anna",
        ANNA,
        "references",
        quoted_starts="-----Message d'origine-----",
    ),
    "25_apple_mail_es_subject_token": Expected(
        P,
        THREADED,
        "Perfecto, gracias.",
        "anna",
        ANNA,
        "subject_token",
        quoted_starts="El 27 nov 2026, a las 16:02, Nordwind Support",
    ),
    "26_polish_reply_subject_match": Expected(
        P,
        THREADED,
        "Dziękuję, czekam na paczkę.",
        "anna",
        ANNA,
        "subject",
        quoted_starts="W dniu 27.11.2026 o 16:02, Nordwind Support pisze:",
    ),
    "27_japanese_gmail_reply": Expected(
        P,
        THREADED,
        "ありがとうございます。待ちます。",
        "anna",
        ANNA,
        "references",
        quoted_starts="2026年11月27日(金) 16:02 Nordwind Support",
    ),
    "28_signature_iphone": Expected(
        P,
        NEW,
        "Ist das Paket schon unterwegs?",
        "Paket unterwegs?",
        JONAS,
        signature="Von meinem iPhone gesendet",
    ),
    "29_signature_dashdash": Expected(
        P,
        NEW,
        "The hood is missing from my jacket.",
        "Missing hood",
        TOM,
        signature="-- \nTom Green\n+44 20 7946 0000",
    ),
    "30_outlook_french_header_block": Expected(
        P,
        NEW,
        "Je n'ai toujours rien reçu.",
        "Commande",
        "Claire Martin",
        quoted_starts="De : Nordwind Support <support@nordwind.example>\nEnvoyé :",
    ),
    # Threading never joins two customers; duplicates are dropped
    "31_other_customer_cites_our_reply": Expected(
        P, NEW, "I am replying to a mail that was not for me.", "Paket fehlt", "Bob Miller"
    ),
    "32_duplicate_message_id": Expected(
        D, "duplicate", reason="Message-ID <anna-1@kunde.example> was seen before."
    ),
    "33_no_message_id": Expected(P, NEW, "A mail without a Message-ID header.", "No id", JONAS),
    # Loops and noise
    "34_out_of_office_known_customer": Expected(
        P,
        THREADED,
        "I am out of the office until 7 December.",
        "anna",
        ANNA,
        "references",
        automatic=True,
    ),
    "35_out_of_office_stranger": Expected(
        D, "automatic", reason="Automatic mail (Auto-Submitted: auto-replied) from a stranger."
    ),
    "36_precedence_bulk_newsletter": Expected(
        D, "automatic", reason="Automatic mail (Precedence: bulk) from a stranger."
    ),
    "37_mailing_list": Expected(
        D, "automatic", reason="Automatic mail (mailing list) from a stranger."
    ),
    "38_dsn_bounce": Expected(
        P,
        "bounce",
        reason="Bounce for anna@kunde.example: smtp; 550 5.1.1 User unknown",
        undeliverable=["anna@kunde.example"],
    ),
    "39_daemon_plain_bounce": Expected(
        P, "bounce", reason="Bounce for bob@other.example", undeliverable=["bob@other.example"]
    ),
    "40_x_autoreply_known_customer_no_thread": Expected(
        D,
        "automatic",
        reason="Automatic mail (X-Autoreply present) that answers no open conversation.",
    ),
    # Attachments: limits (4000 bytes, 3 files in these tests), dangerous types, TNEF
    "41_attachment_pdf": Expected(
        P,
        NEW,
        "Anbei die Rechnung.",
        "Rechnung",
        JONAS,
        attachments=[("Rechnung-10452.pdf", "application/pdf", 62)],
    ),
    "42_attachment_exe_refused": Expected(
        P, NEW, "See the tool attached.", "Tool", TOM, refused=[("tool.exe", "dangerous type")]
    ),
    "43_double_extension_refused": Expected(
        P,
        NEW,
        "Invoice attached.",
        "Invoice",
        TOM,
        refused=[("invoice.pdf.exe", "dangerous type")],
    ),
    "44_attachment_too_large": Expected(
        P, NEW, "A big photo.", "Photo", TOM, refused=[("photo.jpg", "too large")]
    ),
    "45_too_many_attachments": Expected(
        P,
        NEW,
        "Five photos.",
        "Photos",
        TOM,
        attachments=[
            ("p1.png", "image/png", 5),
            ("p2.png", "image/png", 5),
            ("p3.png", "image/png", 5),
        ],
        refused=[("p4.png", "too many attachments"), ("p5.png", "too many attachments")],
    ),
    "46_rfc2231_filename": Expected(
        P,
        NEW,
        "Rücksendeschein anbei.",
        "Ruecksendung",
        JONAS,
        attachments=[("Rücksendeschein München.pdf", "application/pdf", 62)],
    ),
    "47_rfc2231_continuation": Expected(
        P,
        NEW,
        "Label attached.",
        "Etiquette",
        "Claire Martin",
        attachments=[("étiquette-retour.pdf", "application/pdf", 62)],
    ),
    "48_inline_image_cid": Expected(
        P,
        NEW,
        "The scratch:",
        "Scratch",
        TOM,
        attachments=[("scratch.png", "image/png", 11)],
        html='<p>The scratch:</p><img src="cid:scratch@tom" alt="scratch">',
    ),
    "49_path_traversal_filename": Expected(
        P, NEW, "Receipt.", "Receipt", TOM, attachments=[("passwd.png", "image/png", 5)]
    ),
    "50_tnef_winmail": Expected(
        P,
        NEW,
        "Anbei das Foto vom Schaden.",
        "Schaden",
        JONAS,
        attachments=[("schaden.jpg", "image/jpeg", 11), ("liste.txt", "text/plain", 12)],
    ),
    "51_tnef_corrupt": Expected(
        P, NEW, "See winmail.", "Winmail", TOM, refused=[("winmail.dat", "unreadable TNEF")]
    ),
    # Malformed mail: quarantined with the reason, or read as far as it goes
    "52_no_from": Expected(Q, "unparseable", reason="No usable sender address in From: ''"),
    "53_garbage_binary": Expected(Q, "unparseable", reason="The message has no headers."),
    "54_empty": Expected(Q, "unparseable", reason="The message is empty."),
    "55_unterminated_multipart": Expected(
        P, NEW, "The mail ends without its closing boundary.", "Cut off", JONAS
    ),
    "56_multipart_without_boundary": Expected(
        P, NEW, "Just text where parts were promised.", "No boundary", TOM
    ),
    "57_invalid_base64": Expected(P, NEW, "Hello world", "Bad base64", TOM),
    "58_broken_encoded_word": Expected(P, NEW, "Body is fine.", "Café", TOM),
    "59_invalid_from": Expected(
        Q, "unparseable", reason="No usable sender address in From: 'not an address'"
    ),
    "60_long_header": Expected(P, NEW, "Long header.", "A" * 300, TOM),
}


def test_the_corpus_has_at_least_40_fixtures_and_each_has_an_outcome() -> None:
    files = sorted(p.stem for p in EML.glob("*.eml"))
    assert files == sorted(CORPUS)
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_fixture_outcome(
    world: MailWorld, name: str, django_capture_on_commit_callbacks: object
) -> None:
    expected = CORPUS[name]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        row = world.ingest_file(f"{name}.eml")
    assert (row.state, row.outcome) == (expected.state, expected.outcome), row.reason
    assert row.reason == expected.reason
    undeliverable = CustomerIdentity.objects.filter(undeliverable_since__isnull=False)
    assert sorted(undeliverable.values_list("value", flat=True)) == expected.undeliverable
    if expected.outcome not in (NEW, THREADED):
        assert row.message is None
        return
    message = row.message
    assert message is not None
    meta = message.channel_metadata
    conversation = message.conversation
    assert message.body_text == expected.text
    if expected.conversation == "anna":
        assert conversation == world.anna_conversation
    else:
        assert conversation not in (world.anna_conversation, world.bob_conversation)
        assert conversation.subject == expected.conversation
    assert conversation.customer.name == expected.customer
    assert meta["threaded_by"] == expected.threaded_by
    assert meta["is_automatic"] is expected.automatic
    stored = [(a.filename, a.content_type, a.size) for a in message.attachments.all()]
    assert stored == expected.attachments
    assert [(r["filename"], r["reason"]) for r in meta["refused_attachments"]] == expected.refused
    assert meta["quoted_text"].startswith(expected.quoted_starts)
    assert bool(meta["quoted_text"]) is bool(expected.quoted_starts)
    assert meta["signature"] == expected.signature
    assert message.body_html == expected.html


def test_a_bounce_tells_the_agent_on_the_conversation(world: MailWorld) -> None:
    row = world.ingest_file("38_dsn_bounce.eml")
    assert row.conversation == world.anna_conversation
    note = world.anna_conversation.messages.get(kind="note")
    assert note.body_text == (
        "Mail to anna@kunde.example could not be delivered (smtp; 550 5.1.1 User unknown). "
        "The address is marked undeliverable; reach the customer another way."
    )
    assert note.author_kind == "system"


def test_every_fixture_twice_creates_nothing_the_second_time(world: MailWorld) -> None:
    for name in sorted(CORPUS):
        world.ingest_file(f"{name}.eml")
    counts = (InboundEmail.objects.count(), world.store.conversations.count())
    for name in sorted(CORPUS):
        world.ingest_file(f"{name}.eml")
    assert (InboundEmail.objects.count(), world.store.conversations.count()) == counts
