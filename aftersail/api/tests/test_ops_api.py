import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
PINGS = "/api/v1/ops/worker-pings"


@pytest.mark.parametrize(
    ("member", "status"),
    [
        (None, 401),
        ("customer_user", 401),
        ("agent_a", 403),
        ("outsourced", 403),
        ("supervisor_a", 403),
    ],
)
def test_only_admins_may_ping_workers(cast, login, member, status):
    user = (
        getattr(cast, member)
        if member == "customer_user"
        else (getattr(cast, member).user if member else None)
    )
    assert login(user).post(PINGS).status_code == status


def test_a_ping_is_answered_by_the_worker(cast, login, django_capture_on_commit_callbacks):
    client = login(cast.admin.user)
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(PINGS)
    assert created.status_code == 201
    assert created.json()["completed_at"] is None
    answered = client.get(f"{PINGS}/{created.json()['id']}").json()
    assert answered["completed_at"] is not None
    assert answered["worker_pid"] > 0


def test_unknown_ping_is_404(cast, login):
    client = login(cast.admin.user)
    assert client.get(f"{PINGS}/00000000-0000-4000-8000-000000000000").status_code == 404


def test_writes_through_the_session_need_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.admin.user)
    assert client.post(PINGS).status_code == 403
