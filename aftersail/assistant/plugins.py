"""What the assistant registers at start: its inbound pipeline steps (triage, the answer to
a first email) and the warm-up of its intent model."""

from aftersail.assistant import triage  # noqa: F401  (registers the pipeline steps)
from aftersail.assistant.classifier import get_classifier
from aftersail.core.warmup import register_warm_up

register_warm_up("assistant intent model", get_classifier)
