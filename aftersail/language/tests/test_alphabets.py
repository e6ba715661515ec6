import pytest

from aftersail.language.alphabets import normalize, ruled_out
from aftersail.language.detection import detect


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Přijde balík zítra domů?", {"sk"}),
        ("Kedy príde môj balík?", {"cs"}),
        ("Gdzie jest moja paczka? Czekam już tydzień.", {"cs", "sk"}),
        ("Де моє замовлення?", {"ru", "bg"}),
        ("Вы мне не ответили.", {"uk", "bg"}),
        ("Къде е пакетът?", {"ru", "uk"}),  # ъ as a vowel
        ("Объявление висит на подъезде.", {"uk"}),  # ъ as a separator: still Russian
        ("Где мой заказ? Сколько дней ждать?", {"bg"}),  # ь before a consonant
        ("Шофьорът дойде.", {"ru", "uk"}),  # ьо is Bulgarian
        ("Var är mitt paket?", {"da", "nb", "cs"}),  # ä is also Slovak, never Czech
        ("Hvor er min pakke? Jeg har ventet længe.", {"sv"}),
        ("¿Dónde está mi pedido?", {"pt", "it", "ro"}),
        ("Não recebi a encomenda.", {"es", "it", "ro"}),
        ("Unde este coletul meu? Aștept de o săptămână.", {"it", "pt", "es", "fr"}),
        ("Where is my order?", set()),
    ],
)
def test_letters_rule_out_the_look_alikes_that_lack_them(text, excluded):
    assert ruled_out(text) == excluded


def test_a_foreign_name_does_not_rule_out_a_scandinavian_language():
    # "Malmö" holds ö, but the text also holds ø: it may still be Danish.
    assert "da" not in ruled_out("Jeg har købt en jakke, men den er ikke kommet til Malmö.")


def test_latin_i_inside_cyrillic_words_becomes_cyrillic():
    assert normalize("Ця жiнка гарна. Iван") == "Ця жінка гарна. Іван"
    assert normalize("ЖIНКА") == "ЖІНКА"
    assert normalize("Mixed: hi там") == "Mixed: hi там"
    assert detect("Ця жiнка дуже гарна, i вона моя сестра.").language == "uk"
