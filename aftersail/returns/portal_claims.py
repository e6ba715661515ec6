"""Customer pages for defects: report one with photos, then follow the decision."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from aftersail.accounts.actors import Actor
from aftersail.returns.access import customer_may_see
from aftersail.returns.claims import do_open_claim
from aftersail.returns.eligibility import Basis, Case, Eligibility
from aftersail.returns.explain import explain
from aftersail.returns.models import WarrantyClaim
from aftersail.returns.policies import context_for
from aftersail.returns.portal_views import _language, _order_for, render
from aftersail.returns.services import ReturnError

MAX_PHOTOS = 5
MAX_PHOTO_BYTES = 5 * 1024 * 1024
# Accepted by their first bytes, never by the name or the browser's content type.
SIGNATURES = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


def photo_extension(head: bytes) -> str | None:
    for signature, extension in SIGNATURES.items():
        if head.startswith(signature):
            return extension
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _read_photos(files: list[UploadedFile]) -> list[tuple[bytes, str]] | None:
    if len(files) > MAX_PHOTOS:
        return None
    photos = []
    for upload in files:
        if upload.size is None or upload.size > MAX_PHOTO_BYTES:
            return None
        content = upload.read(MAX_PHOTO_BYTES + 1)
        extension = photo_extension(content[:16])
        if extension is None or len(content) > MAX_PHOTO_BYTES:
            return None
        photos.append((content, extension))
    return photos


def report_defect(request: HttpRequest, public_id: str) -> HttpResponse:
    order = _order_for(request, public_id)
    lines = list(order.lines.all())
    error = ""
    if request.method == "POST":
        line_id = request.POST.get("line", "")
        line = next((li for li in lines if str(li.id) == line_id), None)
        photos = _read_photos(request.FILES.getlist("photos"))
        description = request.POST.get("description", "")[:5000]
        if line is None or photos is None or not description.strip():
            error = _(
                "Please choose the item, describe the defect and add only JPEG, PNG or WebP "
                "photos (at most 5, 5 MB each)."
            )
        else:
            # the photos are stored first, so a failure afterwards loses nothing sent
            folder = uuid.uuid4()
            names = [
                default_storage.save(
                    f"returns/claims/{folder}/{n}.{extension}", ContentFile(content)
                )
                for n, (content, extension) in enumerate(photos, start=1)
            ]
            try:
                claim = do_open_claim(line, description, actor=Actor.customer(), photos=names)
            except ReturnError:
                error = _("Please describe the defect.")
            else:
                return redirect("returns_portal:claim", public_id=claim.public_id)
    return render(
        request,
        "returns/portal/defect.html",
        {"store": order.store, "order": order, "lines": lines, "error": error},
        status=400 if error else 200,
    )


def claim_page(request: HttpRequest, public_id: str) -> HttpResponse:
    claim = get_object_or_404(
        WarrantyClaim.objects.select_related("order_line__order__store", "customer"),
        public_id=public_id,
    )
    order = claim.order_line.order
    if not customer_may_see(request, order):
        raise Http404
    coverage = Eligibility(
        Case.DEFECT,
        claim.basis != Basis.NONE,
        Basis(claim.basis),
        deadline=claim.covered_until,
    )
    zone = context_for(order).zone
    return render(
        request,
        "returns/portal/claim.html",
        {
            "store": order.store,
            "claim": claim,
            "coverage": explain(coverage, zone, _language()),
        },
    )
