import pytest
from django.core.exceptions import ValidationError

from aftersail.accounts.models import Agent, Team
from aftersail.core.fields import speaks, validate_country_code, validate_time_zone
from aftersail.core.geo import country_name, language_name
from aftersail.testing import factories as f


def test_time_zone_validation():
    validate_time_zone("Asia/Kathmandu")
    with pytest.raises(ValidationError, match="IANA"):
        validate_time_zone("Mars/Olympus_Mons")


def test_country_validation():
    validate_country_code("JP")
    for bad in ("XX", "jp", "EU", "150", ""):
        with pytest.raises(ValidationError):
            validate_country_code(bad)


def test_names_are_localized():
    assert country_name("DE", "fr") == "Allemagne"
    assert country_name("JP", "ja") == "日本"
    assert language_name("de", "fr") == "allemand"
    assert language_name("pl", "pl") == "polski"
    assert language_name("xx-yy", "en") == "xx-yy"


@pytest.mark.django_db
def test_language_lists_round_trip_and_filter():
    team = f.make_team("Polyglots", languages=("de", "EN", "ja"))
    team.refresh_from_db()
    assert team.languages == ["de", "en", "ja"]
    f.make_agent("a@x.example", teams=(team,), languages=("de", "en"))
    f.make_agent("b@x.example", teams=(team,), languages=("es",))
    assert list(Agent.objects.filter(speaks("de")).values_list("user__email", flat=True)) == [
        "a@x.example"
    ]
    # "e" is inside "de" and "es" but is not a language either of them speaks.
    assert not Agent.objects.filter(speaks("e")).exists()
    assert Team.objects.filter(speaks("ja")).get() == team


@pytest.mark.django_db
def test_language_list_validation():
    team = Team(name="Bad", languages=["de", "not a code"])
    with pytest.raises(ValidationError):
        team.full_clean()
