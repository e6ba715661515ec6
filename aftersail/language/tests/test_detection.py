import pytest

from aftersail.language.detection import CANDIDATES, MIN_LETTERS, detect, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wo ist meine Bestellung? Ich warte seit zwei Wochen darauf.", "de"),
        ("Where is my order? I have been waiting for two weeks.", "en"),
        ("Où est ma commande ? J'attends depuis deux semaines.", "fr"),
        ("¿Dónde está mi pedido? Llevo dos semanas esperando.", "es"),
        ("Gdzie jest moje zamówienie? Czekam już dwa tygodnie.", "pl"),
        ("注文した商品がまだ届いていません。確認していただけますか。", "ja"),
        ("Waar blijft mijn bestelling? Ik wacht al twee weken.", "nl"),
        ("Dov'è il mio ordine? Aspetto da due settimane.", "it"),
    ],
)
def test_detects_the_language_of_a_customer_message(text, language):
    detection = detect(text)
    assert detection.language == language
    assert detection.reliable


def test_letters_only_in_the_czech_alphabet_rule_out_slovak():
    # "ř" and "ů" do not exist in Slovak.
    assert detect("Přijde balík zítra domů?").language == "cs"


def test_letters_only_in_the_ukrainian_alphabet_rule_out_russian():
    assert detect("Де моє замовлення? Я чекаю вже два тижні.").language == "uk"


def test_norwegian_is_reported_as_bokmal_code():
    assert "nb" in CANDIDATES
    assert (
        detect("Hvor er pakken min? Jeg har ventet i to uker nå, og ingen svarer meg.").language
        == "nb"
    )


@pytest.mark.parametrize("text", ["ok", "Danke!", "#4711", "👍👍", "   "])
def test_very_short_text_keeps_the_known_language(text):
    assert detect_language(text, known="fr") == "fr"


def test_mixed_text_keeps_the_known_language():
    mixed = "Ich möchte die Schuhe zurückgeben. I want my money back now. Je veux être remboursé."
    assert not detect(mixed).reliable
    assert detect_language(mixed, known="pl") == "pl"


def test_a_reliable_detection_overrides_the_known_language():
    assert detect_language("Bonjour, mon colis est arrivé cassé.", known="de") == "fr"


def test_without_a_known_language_the_guess_is_used():
    assert detect_language("Merci beaucoup", known="") == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02",
        "\ud800 lone surrogate",
        "a" * 1_000_000,
        "<script>alert(1)</script>",
        "1234 5678 9012",
        "\u202e\u200b\ufeff",
    ],
)
def test_hostile_input_never_raises(text):
    detection = detect(text)
    assert detection.language in (*CANDIDATES, "")
    assert 0.0 <= detection.confidence <= 1.0


def test_no_letters_no_language():
    assert detect("12345 !!! ???").language == ""
    assert detect_language("12345", known="") == ""
    assert MIN_LETTERS > 5
