"""Reporting a defect with photos in the portal; who may see the claim."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aftersail.returns.models import WarrantyClaim
from aftersail.testing import factories as f
from aftersail.testing.returns import delivered_order, make_policy

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture
def order(cast):
    make_policy(cast.store)
    return delivered_order(cast.customer)


def post(client, order, **data):
    with time_machine.travel(datetime(2026, 9, 1, 9, tzinfo=UTC), tick=False):
        return client.post(reverse("returns_portal:defect", args=[order.public_id]), data)


def test_customer_reports_a_defect_with_photos(order, cast, login) -> None:
    client = login(cast.customer_user)
    line = order.lines.first()
    response = post(
        client,
        order,
        line=str(line.id),
        description="The zip broke.",
        photos=[SimpleUploadedFile("a.png", PNG), SimpleUploadedFile("b.jpg", JPEG)],
    )
    assert response.status_code == 302
    claim = WarrantyClaim.objects.get()
    assert (claim.basis, str(claim.covered_until), claim.order_line_id) == (
        "legal_guarantee", "2028-03-10", line.id,
    )  # fmt: skip
    assert [name.rsplit(".", 1)[1] for name in claim.photos] == ["png", "jpg"]
    with default_storage.open(claim.photos[0]) as stored:
        assert stored.read() == PNG
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="fr")
    assert "La garantie légale de conformité couvre les défauts jusqu’au" in page.content.decode()
    stranger = f.make_user("stranger@mail.example")
    assert login(stranger).get(response["Location"]).status_code == 404
    assert login(None).get(response["Location"]).status_code == 404


@pytest.mark.parametrize(
    "photos",
    [
        [SimpleUploadedFile("evil.png", b"<?php system($_GET['c']); ?>")],
        [SimpleUploadedFile("x.svg", b"<svg onload=alert(1)>")],
        [SimpleUploadedFile(f"{n}.png", PNG) for n in range(6)],
    ],
)
def test_hostile_uploads_are_refused(order, cast, login, photos) -> None:
    response = post(
        login(cast.customer_user), order, line=str(order.lines.first().id),
        description="broken", photos=photos,
    )  # fmt: skip
    assert response.status_code == 400
    assert not WarrantyClaim.objects.exists()


@pytest.mark.parametrize(
    "data", [{"line": "abc", "description": "x"}, {"line": "", "description": ""}]
)
def test_bad_forms_are_refused(order, cast, login, data) -> None:
    assert post(login(cast.customer_user), order, **data).status_code == 400


def test_anonymous_cannot_report_on_someone_elses_order(order, login) -> None:
    response = post(login(None), order, line=str(order.lines.first().id), description="x")
    assert response.status_code == 404
