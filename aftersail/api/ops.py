"""Operations endpoints: prove that a task consumer picks up work."""

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from aftersail.api.auth import require_admin
from aftersail.core.models import WorkerPing
from aftersail.core.queue import enqueue_on_commit
from aftersail.core.tasks import answer_worker_ping

router = Router(tags=["operations"])


class WorkerPingOut(Schema):
    id: UUID
    requested_at: datetime
    completed_at: datetime | None
    worker_host: str
    worker_pid: int | None


def _out(ping: WorkerPing) -> WorkerPingOut:
    return WorkerPingOut(
        id=ping.public_id,
        requested_at=ping.created_at,
        completed_at=ping.completed_at,
        worker_host=ping.worker_host,
        worker_pid=ping.worker_pid,
    )


@router.post("/worker-pings", response={201: WorkerPingOut}, summary="Ask a worker to answer")
def create_worker_ping(request: HttpRequest) -> Status:
    """Queues a task that a worker answers by stamping the ping with its host and process."""
    require_admin(request)
    ping = WorkerPing.objects.create(kind=WorkerPing.Kind.PING)
    enqueue_on_commit(answer_worker_ping, ping.id)
    return Status(201, _out(ping))


@router.get("/worker-pings/{ping_id}", response=WorkerPingOut, summary="A ping and its answer")
def get_worker_ping(request: HttpRequest, ping_id: UUID) -> WorkerPingOut:
    require_admin(request)
    ping = get_object_or_404(WorkerPing, public_id=ping_id, kind=WorkerPing.Kind.PING)
    return _out(ping)
