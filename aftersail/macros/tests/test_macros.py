"""Variants by language with a fallback, placeholders, actions, and the shipped library."""

import re

import pytest
from django.core.management import call_command

from aftersail.conversations.models import Status
from aftersail.macros.actions import do_apply_macro_actions
from aftersail.macros.library import LIBRARY
from aftersail.macros.loader import load_library
from aftersail.macros.models import Macro, MacroVariant
from aftersail.macros.selectors import (
    PLACEHOLDERS,
    choose_variant,
    fill,
    macros_for,
    render_macro,
)
from aftersail.macros.tracking import tracking_link
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db
SHIPPED = {"en", "de", "fr", "es", "pl", "ja"}


def test_library_has_every_language_and_only_known_placeholders():
    assert len(LIBRARY) >= 6
    for spec in LIBRARY:
        assert set(spec["variants"]) == SHIPPED, spec["slug"]
        english = sorted(re.findall(r"\{(\w+)\}", spec["variants"]["en"]))
        for language, body in spec["variants"].items():
            found = sorted(re.findall(r"\{(\w+)\}", body))
            assert set(found) <= set(PLACEHOLDERS), (spec["slug"], language)
            assert found == english, (spec["slug"], language)


def test_loader_is_idempotent_and_keeps_edits(cast):
    first = load_library()
    assert (first.macros_created, first.variants_created) == (len(LIBRARY), 6 * len(LIBRARY))
    variant = MacroVariant.objects.get(macro__slug="invoice-copy", language="de")
    variant.body = "Edited by the merchant"
    variant.save()
    MacroVariant.objects.filter(macro__slug="invoice-copy", language="ja").delete()
    second = load_library()
    assert (second.macros_created, second.variants_created) == (0, 1)
    variant.refresh_from_db()
    assert variant.body == "Edited by the merchant"


def test_load_macros_command(cast, capsys):
    call_command("load_macros", "--store", "cast")
    assert Macro.objects.filter(store=cast.store).count() == len(LIBRARY)
    assert f"{len(LIBRARY)} macros and" in capsys.readouterr().out


def test_variant_choice_falls_back(cast):
    macro = Macro.objects.create(slug="m", name="M", fallback_language="fr")
    for language in ("fr", "en"):
        MacroVariant.objects.create(macro=macro, language=language, body=language)
    assert choose_variant(macro, "fr").language == "fr"
    assert choose_variant(macro, "pl").language == "fr"  # the macro's fallback
    assert choose_variant(macro, "").language == "fr"
    only_ja = Macro.objects.create(slug="j", name="J")
    MacroVariant.objects.create(macro=only_ja, language="ja", body="ja")
    assert choose_variant(only_ja, "de").language == "ja"  # better than nothing
    assert choose_variant(Macro.objects.create(slug="e", name="E"), "de") is None


def test_render_german_variant_with_placeholders(cast):
    load_library()
    order = f.make_order(cast.customer, number="NL-1042")
    f.make_shipment(order, carrier="dhl", tracking_number="00340434161094042557")
    conversation = cast.conversation_a
    conversation.order = order
    rendered = render_macro(Macro.objects.get(slug="where-is-my-order"), conversation, cast.agent_a)
    assert rendered.language == "de"
    assert rendered.text.startswith("Guten Tag Clara,\n\nvielen Dank")
    assert "Ihre Bestellung NL-1042 ist unterwegs" in rendered.text
    assert (
        "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1"
        "&tracking-id=00340434161094042557" in rendered.text
    )
    assert rendered.text.endswith("Grüße\nAgent.A, Cast Outdoor")


def test_fill_leaves_unknown_braces_alone():
    assert fill("{a} {agent_name} {{x}} {0}", {"agent_name": "Lukas"}) == "{a} Lukas {{x}} {0}"


def test_tracking_link_for_unknown_carriers_is_the_number():
    assert tracking_link("inpost", "6800") == "6800"
    assert tracking_link("ups", "1Z 99/&") == "https://www.ups.com/track?tracknum=1Z%2099%2F%26"


def test_actions_set_status_category_and_tags(cast):
    load_library()
    macro = Macro.objects.get(slug="refund-issued")
    do_apply_macro_actions(macro, cast.conversation_a, cast.agent_a)
    c = cast.conversation_a
    c.refresh_from_db()
    assert (c.status, c.category) == (Status.SOLVED, "refund")
    assert list(c.tags.values_list("name", flat=True)) == ["refund-issued"]
    assert c.events.get(kind="macro_applied").data == {"macro": "refund-issued"}


def test_macros_of_other_stores_are_not_offered(cast):
    load_library(f.make_store())
    load_library(cast.store)
    assert macros_for(cast.conversation_a).count() == len(LIBRARY)
