import pytest

from aftersail.language.detection import detect
from aftersail.language.lookalikes import marker_counts, prefer_by_vocabulary, same_group


@pytest.mark.parametrize(
    ("text", "model_choice", "expected"),
    [
        ("Saya mau beli mobil baru karena yang lama rusak.", "ms", "id"),
        ("Saya mahu beli kereta baharu kerana yang lama rosak.", "id", "ms"),
        ("Jeg ved ikke hvad du mener, men jeg kan hjælpe dig.", "nb", "da"),
        ("Jeg vet ikke hva du mener, men jeg kan hjelpe deg.", "da", "nb"),
        ("Takk for maten, den var veldig god.", "da", "nb"),  # doubled final consonant
        ("Vi bor på en høj bakke ved vejen.", "nb", "da"),  # Danish øj / ej
        ("Butikkerne lukkede tidligt.", "nb", "da"),  # Danish -erne, -ede
        ("Jag vet inte vad du menar, men jag kan hjalpa dig.", "da", "sv"),
        ("Prečo sa na mňa hneváš? Teraz nie.", "cs", "sk"),
        ("Proč se na mě zlobíš? Teď ne, jsem unavený.", "sk", "cs"),
        ("Що це таке? Я не знаю, де він.", "ru", "uk"),
        ("Какво е това? Не знам къде е той.", "ru", "bg"),
        ("Что это такое? Я не знаю, где он.", "bg", "ru"),
        ("Ми хочемо прийти.", "bg", "uk"),  # Ukrainian 1st person plural -емо
        ("Tom e hjemme i dag.", "da", "da"),  # no marker: the model's choice stands
        ("Bonjour, où est mon colis ?", "fr", "fr"),  # not a look-alike group
    ],
)
def test_marker_words_decide_between_look_alikes(text, model_choice, expected):
    assert prefer_by_vocabulary(text, model_choice) == expected


def test_only_the_languages_the_alphabet_allows_compete():
    # "som" and "sa" mark Slovak, but the ranking (after the alphabet rules) holds only cs.
    assert prefer_by_vocabulary("Ja som tu a ona sa smeje.", "cs", ["cs", "pl"]) == "cs"
    assert prefer_by_vocabulary("Ja som tu a ona sa smeje.", "cs", ["cs", "sk"]) == "sk"


def test_among_tied_members_the_model_ranking_wins():
    # "jeg" and "ikke" mark Danish and Bokmål alike against Swedish.
    text = "Jeg vil ikke."
    assert marker_counts(text, ["da", "nb", "sv"]) == {"da": 2, "nb": 2, "sv": 0}
    assert prefer_by_vocabulary(text, "sv", ["sv", "nb", "da"]) == "nb"
    assert prefer_by_vocabulary(text, "sv", ["sv", "da", "nb"]) == "da"


def test_indonesian_capitalizes_anda_and_attaches_suffixes():
    assert marker_counts("Silakan kirim alamat Anda.", ["id", "ms"]) == {"id": 2, "ms": 0}
    assert marker_counts("Sila hantar alamat anda.", ["id", "ms"]) == {"id": 0, "ms": 2}
    # "teleponnya" is the Indonesian stem "telepon" with the suffix -nya; "silakan" is an
    # Indonesian word, not the Malay "sila" with -kan.
    assert marker_counts("Dia tidak mengangkat teleponnya.", ["id", "ms"]) == {"id": 1, "ms": 0}


def test_ukrainian_apostrophe_marks_ukrainian():
    counts = marker_counts("П'ять м'ячів", ["ru", "uk", "bg"])
    without = marker_counts("Пять мячів", ["ru", "uk", "bg"])
    assert counts["uk"] == without["uk"] + 2 and counts["ru"] == without["ru"]


def test_same_group():
    assert same_group("da", "nb") and same_group("nb", "sv") and same_group("fr", "fr")
    assert not same_group("da", "de") and not same_group("fr", "es")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saya mau tanya, kapan paket saya sampai? Saya sudah bayar uang ongkos kirim.", "id"),
        ("Saya mahu tahu bila bungkusan saya akan sampai kerana saya sudah bayar.", "ms"),
        ("Hej, jeg har ikke fået min pakke endnu. Hvad skal jeg gøre nu?", "da"),
        ("Hei, jeg har ikke fått pakken min ennå. Hva skal jeg gjøre nå?", "nb"),
        ("Hej, jag har inte fått mitt paket än. Vad ska jag göra nu?", "sv"),
        ("Dobrý deň, kedy príde môj balík? Čakám už dva týždne.", "sk"),
        ("Dobrý den, kdy přijde můj balík? Čekám už dva týdny.", "cs"),
        ("Здравствуйте, где мой заказ? Я жду уже две недели.", "ru"),
        ("Добрий день, де моє замовлення? Я чекаю вже два тижні.", "uk"),
        ("Здравейте, къде е моята поръчка? Чакам вече две седмици.", "bg"),
    ],
)
def test_detection_tells_the_look_alikes_apart(text, expected):
    assert detect(text).language == expected
