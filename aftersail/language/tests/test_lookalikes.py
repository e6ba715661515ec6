import pytest

from aftersail.language.detection import detect
from aftersail.language.lookalikes import prefer_by_vocabulary


@pytest.mark.parametrize(
    ("text", "model_choice", "expected"),
    [
        ("Saya mau beli mobil baru karena yang lama rusak.", "ms", "id"),
        ("Saya mahu beli kereta baharu kerana yang lama rosak.", "id", "ms"),
        ("Jeg ved ikke hvad du mener, men jeg kan hjælpe dig.", "nb", "da"),
        ("Jeg vet ikke hva du mener, men jeg kan hjelpe deg.", "da", "nb"),
        ("Takk for maten, den var veldig god.", "da", "nb"),  # doubled final consonant
        ("Vi bor på en høj bakke ved vejen.", "nb", "da"),  # Danish øj / ej
        ("Tom er hjemme i dag.", "da", "da"),  # no marker: the model's choice stands
        ("Bonjour, où est mon colis ?", "fr", "fr"),  # not a look-alike pair
    ],
)
def test_marker_words_decide_between_look_alikes(text, model_choice, expected):
    assert prefer_by_vocabulary(text, model_choice) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saya mau tanya, kapan paket saya sampai? Saya sudah bayar uang ongkos kirim.", "id"),
        ("Saya mahu tahu bila bungkusan saya akan sampai kerana saya sudah bayar.", "ms"),
        ("Hej, jeg har ikke fået min pakke endnu. Hvad skal jeg gøre nu?", "da"),
        ("Hei, jeg har ikke fått pakken min ennå. Hva skal jeg gjøre nå?", "nb"),
    ],
)
def test_detection_tells_the_look_alikes_apart(text, expected):
    assert detect(text).language == expected
